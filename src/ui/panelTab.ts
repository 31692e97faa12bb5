import { browser } from 'wxt/browser';
import { HelloReply, helloMessage, type TabContext } from '../messaging/protocol';

/**
 * Which tab's page the panel shows. The injected panel belongs to the tab it sits in; the
 * browser's side panel follows whichever tab is active in its window. Opened in a window of its
 * own (a detached popup, or a tab: Firefox opens `window.open` popups as normal windows), it
 * follows the last focused other browser window instead.
 */
export type PanelPlace = 'frame' | 'side-panel';

/**
 * The last focused browser window other than the panel's own. Firefox ignores `windowTypes` in
 * `getLastFocused` and can answer the panel's own popup, so such an answer falls back to the
 * other normal windows.
 */
async function lastOtherWindow(own: number | undefined) {
  const last = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  if (last.type === 'normal' && last.id !== own) return last;
  const others = (await browser.windows.getAll()).filter((w) => w.type === 'normal' && w.id !== own);
  return others.find((w) => w.focused) ?? others.at(-1) ?? last;
}

export function watchPanelTab(
  place: PanelPlace,
  onTab: (tabId: number | undefined, page?: TabContext) => void,
  signal: AbortSignal,
): void {
  if (place === 'frame') {
    // The reply carries the tab's stored context too, for Firefox, where this frame has no storage.session.
    void browser.runtime.sendMessage(helloMessage).then((reply) => {
      const parsed = HelloReply.safeParse(reply);
      if (!signal.aborted) onTab(parsed.data?.tabId, parsed.data?.page);
    });
    return;
  }
  // Focus moves often (a click into a detached panel focuses it); only a different tab is news,
  // and re-announcing the same one would reload the panel and drop whatever it was showing.
  let shown: number | undefined | null = null;
  // A page in a tab of its own would otherwise follow itself; the real side panel is in no tab.
  const ownTab = browser.tabs.getCurrent();
  const follow = async () => {
    const own = await browser.windows.getCurrent();
    const window = own.type === 'normal' && !(await ownTab) ? own : await lastOtherWindow(own.id);
    const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
    if (signal.aborted || tab?.id === shown) return;
    shown = tab?.id;
    onTab(shown);
  };
  const onActivated = () => void follow();
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows.onFocusChanged.addListener(onActivated);
  signal.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.windows.onFocusChanged.removeListener(onActivated);
  });
  void follow();
}
