import { browser } from 'wxt/browser';
import type { ReadPageReply } from '../messaging/protocol';
import { forgetLeftPage, readPageOnRequest } from './read-page';

/** The keyboard shortcut's command name (wxt.config.ts `commands`). */
const READ_PAGE_COMMAND = 'read-page';

/** Opens Clyde beside the page; must run inside the user's gesture, before any await. */
function openPanel(tab: { id?: number; windowId?: number }): void {
  const { sidePanel, sidebarAction } = browser as unknown as {
    sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  // Chrome has the side panel, Firefox the sidebar; each opens only during a user gesture.
  if (sidePanel && tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
  else void sidebarAction?.open().catch(() => undefined);
}

/**
 * Wires "Read this page" in the background. The toolbar button and the keyboard shortcut both
 * open Clyde beside the page and read it: each is the user asking about this page, and each
 * grants `activeTab` for it. (Chrome's `openPanelOnActionClick` would open the side panel without
 * that grant; checked in test/e2e/generic.test.ts, so the background opens the panel itself.)
 * On a supported site only the panel opens; its content script already reads the page.
 * A page read on request is forgotten once its tab navigates. Returns the reader for the
 * panel's own button, which works while an earlier click's grant on that tab lasts.
 */
export function startReadPage(): (tabId: number) => Promise<ReadPageReply> {
  const readPage = (tabId: number) =>
    readPageOnRequest(tabId, {
      tabUrl: async (id) => (await browser.tabs.get(id)).url,
      inject: async (id) =>
        (await browser.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: ['/generic.js'] }))[0]?.result,
      session: browser.storage.session,
    });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== READ_PAGE_COMMAND || tab?.id === undefined) return;
    openPanel(tab);
    void readPage(tab.id);
  });
  browser.action?.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    openPanel(tab);
    void readPage(tab.id);
  });
  // Both statuses: a tab leaving Gmail for a site Clyde may not see can still show Gmail's URL
  // while loading, and shows none once complete.
  browser.tabs.onUpdated.addListener((tabId, { status }, tab) => {
    if (status) void forgetLeftPage(tabId, { url: tab.url, status }, browser.storage.session).catch(() => undefined);
  });
  return readPage;
}
