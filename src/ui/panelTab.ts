import { browser } from 'wxt/browser';
import { HelloReply, helloMessage } from '../messaging/protocol';

/**
 * Which tab's page the panel shows. The injected panel belongs to the tab it sits in; the
 * browser's side panel follows whichever tab is active in its window. Opened in a window of its
 * own (a detached popup), it follows the last focused browser window instead.
 */
export type PanelPlace = 'frame' | 'side-panel';

export function watchPanelTab(place: PanelPlace, onTab: (tabId: number | undefined) => void, signal: AbortSignal): void {
  if (place === 'frame') {
    void browser.runtime.sendMessage(helloMessage).then((reply) => {
      const parsed = HelloReply.safeParse(reply);
      if (!signal.aborted) onTab(parsed.success ? parsed.data.tabId : undefined);
    });
    return;
  }
  const follow = async () => {
    const own = await browser.windows.getCurrent();
    const window = own.type === 'normal' ? own : await browser.windows.getLastFocused({ windowTypes: ['normal'] });
    const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
    if (!signal.aborted) onTab(tab?.id);
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
