import { browser } from 'wxt/browser';
import { MAX_SELECTION, SelectionReply, SkeletonReply } from './protocol';

export interface PageInspector {
  selection(tabId: number): Promise<SelectionReply>;
  skeleton(tabId: number): Promise<SkeletonReply | undefined>;
}

/**
 * Reads a little from a tab's top frame when a panel asks: the selected text (to log with an
 * email) or the page's skeleton (for a bug report). Done with a one-off `scripting` injection in
 * the isolated world rather than by the content script, so that code never ships in every page
 * load. Host permission covers the supported sites; anywhere else the injection fails and the
 * answer is empty (no selection) or absent (no diagnostic). Results are validated like messages.
 */
export function pageInspector(): PageInspector {
  const run = async (tabId: number, how: { func: () => unknown } | { files: string[] }): Promise<unknown> => {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, ...how } as Parameters<typeof browser.scripting.executeScript>[0]);
    return first?.result;
  };
  return {
    async selection(tabId) {
      const text = await run(tabId, { func: () => document.getSelection()?.toString() ?? '' }).catch(() => '');
      const raw = typeof text === 'string' ? text : '';
      return SelectionReply.parse({ text: raw.length > MAX_SELECTION ? `${raw.slice(0, MAX_SELECTION - 1)}…` : raw });
    },
    async skeleton(tabId) {
      const skeleton = await run(tabId, { files: ['/skeleton.js'] }).catch(() => undefined);
      return SkeletonReply.safeParse({ skeleton }).data;
    },
  };
}
