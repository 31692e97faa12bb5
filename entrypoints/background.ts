import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startContextMenu } from '../src/background/context-menu';
import { pageInspector } from '../src/background/page-inspect';
import { contextKey, pickKey } from '../src/messaging/protocol';
import { startReadPage } from '../src/background/read-page-triggers';
import { route } from '../src/background/router';
import { startBackgroundSync } from '../src/background/sync';
import { forwardUrlChanges } from '../src/background/url-changes';

export default defineBackground(() => {
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    session: browser.storage.session,
    readPage: startReadPage(),
    inspect: pageInspector(),
  };
  browser.runtime.onMessage.addListener((raw, sender) => route(raw, sender, deps));
  // A closed tab's page context and pick are of no further use.
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove([contextKey(tabId), pickKey(tabId)]));
  forwardUrlChanges();
  startContextMenu();
  // The toolbar button opens Clyde in the side panel from action.onClicked (read-page-triggers.ts),
  // not by openPanelOnActionClick: Chrome grants activeTab only when the click reaches onClicked.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  startBackgroundSync();
});
