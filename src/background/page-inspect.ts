import { browser } from 'wxt/browser';
import { shorten } from '../capture/quote';
import { EmailReply, MAX_SELECTION, SkeletonReply } from '../messaging/protocol';

export interface PageInspector {
  email(tabId: number): Promise<EmailReply>;
  skeleton(tabId: number): Promise<SkeletonReply | undefined>;
}

/**
 * Reads a little from a tab's top frame when a panel asks: the open email's selected text and
 * dates (to log it) or the page's skeleton (for a bug report). Done with a one-off `scripting`
 * injection in the isolated world rather than by the content script, so that code never ships in
 * every page load. Host permission covers the supported sites; anywhere else the injection fails
 * and the answer is empty (no selection, no dates) or absent (no diagnostic). Results are
 * validated like messages.
 */
export function pageInspector(): PageInspector {
  const run = async (tabId: number, file: string): Promise<unknown> => {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
    return first?.result;
  };
  return {
    async email(tabId) {
      const read = (await run(tabId, '/open-email.js').catch(() => undefined)) as { text?: unknown; sentAt?: unknown } | undefined;
      const text = typeof read?.text === 'string' ? read.text : '';
      // A long selection is cut rather than refused: the user still gets the passage's start.
      const cut = shorten(text, MAX_SELECTION);
      return EmailReply.safeParse({ text: cut, sentAt: read?.sentAt }).data ?? { text: cut, sentAt: [] };
    },
    async skeleton(tabId) {
      const skeleton = await run(tabId, '/skeleton.js').catch(() => undefined);
      return SkeletonReply.safeParse({ skeleton }).data;
    },
  };
}
