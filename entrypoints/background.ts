import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startContextMenu } from '../src/background/context-menu';
import { startOpenHome } from '../src/background/open-home';
import { watchOpenedThreads } from '../src/background/opened-threads';
import { pageInspector } from '../src/background/page-inspect';
import { startReadPage } from '../src/background/read-page-triggers';
import { startReminders } from '../src/background/reminders/notify';
import { route, type RouterDeps } from '../src/background/router';
import { startBackgroundSync } from '../src/background/sync';
import { startWelcome } from '../src/background/welcome';
import { SESSION_RELAY } from '../src/messaging/protocol';
import { db } from '../src/storage/db';
import { SESSION } from '../src/storage/keys';

export default defineBackground(() => {
  const sync = startBackgroundSync();
  const relay = new BroadcastChannel(SESSION_RELAY);
  const threads = watchOpenedThreads(db);
  const deps: RouterDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    session: browser.storage.session,
    readPage: startReadPage(),
    inspect: pageInspector(),
    syncNow: () => sync.wake(),
    relay: (changes) => relay.postMessage(changes),
    pageShown: (tabId, context) => {
      threads(tabId, context);
      // A device still catching up with its team pulls the records about these people first.
      if (context) void sync.prioritize(context.people);
    },
  };
  // The extension's one runtime message listener: every panel and content-script message, sync's too.
  // Open panels hear of a page context it stores through storage.session.onChanged, and a panel
  // without storage.session (Firefox's injected frame) through the relay (protocol.ts SESSION_RELAY).
  browser.runtime.onMessage.addListener((raw, sender) => route(raw, sender, deps));
  // A closed tab's page context, theme and pick are of no further use, and a thread closed within
  // the dwell time was not read.
  browser.tabs.onRemoved.addListener((tabId) => {
    threads(tabId, null);
    void browser.storage.session.remove([SESSION.context.name(tabId), SESSION.theme.name(tabId), SESSION.pick.name(tabId)]);
  });
  startContextMenu();
  startOpenHome();
  startReminders();
  startWelcome();
  // The toolbar button opens Clyde in the side panel from action.onClicked (read-page-triggers.ts),
  // not by openPanelOnActionClick: Chrome grants activeTab only when the click reaches onClicked.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
