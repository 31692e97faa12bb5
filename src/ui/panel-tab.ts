import { createContext, useContext } from 'react';
import { browser } from 'wxt/browser';
import type { EmailReply } from '../messaging/protocol';
import type { TabContext } from '../storage/keys';
import { ask } from './ask';

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

/** The injected panel's first `panel/hello`, asked before its first render (`helloEarly`). */
let firstHello: ReturnType<typeof ask<'panel/hello'>> | undefined;

/**
 * Asks now which tab this injected panel sits in, and for that tab's page, rather than once React
 * has rendered the panel and run its effects: the answer travels while the first render runs.
 * The first `watchPanelTab` takes it.
 */
export function helloEarly(): void {
  firstHello = ask('panel/hello');
  // watchPanelTab handles a failure; until it takes the promise, it is not an unhandled rejection.
  firstHello.catch(() => undefined);
}

export function watchPanelTab(place: PanelPlace, onTab: (tabId: number | undefined, page?: TabContext) => void, signal: AbortSignal): void {
  if (place === 'frame') {
    // The reply carries the tab's stored context too, for Firefox, where this frame has no storage.session.
    // Without an answer the panel shows no page rather than waiting for one.
    const answer = (reply: Awaited<ReturnType<typeof ask<'panel/hello'>>>) => !signal.aborted && onTab(reply?.tabId, reply?.page);
    const early = firstHello;
    firstHello = undefined;
    if (!early) return void ask('panel/hello').then(answer, () => !signal.aborted && onTab(undefined));
    // The early answer was read before the caller listened for page changes. Asked once more now
    // that it listens, a page stored in between is not missed; the same tab again only updates its page.
    void early
      .then(answer, () => !signal.aborted && onTab(undefined))
      .then(() => !signal.aborted && ask('panel/hello').then(answer, () => undefined));
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

/**
 * The id of the tab whose page this panel shows (undefined until known or when there is none),
 * for components deep in the tree that need to reach that tab. The App already follows the tab;
 * handing its answer down spares each of them asking the background again on every person shown.
 */
export const PanelTabContext = createContext<number | undefined>(undefined);

export function usePanelTabId(): number | undefined {
  return useContext(PanelTabContext);
}

const NOTHING: EmailReply = { text: '', sentAt: [] };

/**
 * The open email in the tab's page (top frame only), read by the background: the selected text and
 * the dates its messages print. Empty when nothing is selected or the page cannot answer: logging
 * then goes ahead without a passage, dated now.
 */
export async function readOpenEmail(tabId: number | undefined): Promise<EmailReply> {
  if (tabId === undefined) return NOTHING;
  return ask('page/email', { tabId }).catch(() => NOTHING);
}
