import { browser, type Browser } from 'wxt/browser';
import type { SkeletonReply } from '../messaging/protocol';
import { SkeletonRequest } from '../messaging/protocol';
import { skeletonOf } from '../parsers/skeleton';

/**
 * Answers the panel's request for the page's skeleton (tags and attribute names only; see
 * parsers/skeleton.ts) when Clyde could not read the page, so the user can attach it to a bug
 * report. Only our own extension pages are answered: a content script hears only the extension,
 * and a sender on a web URL is not one of its pages. Computed on request, never sent unasked.
 */
export function answerSkeletonRequests(signal: AbortSignal): void {
  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: SkeletonReply) => void) => {
    if (sender.id !== browser.runtime.id || /^https?:/i.test(sender.url ?? '')) return undefined;
    if (!SkeletonRequest.safeParse(raw).success) return undefined;
    sendResponse({ skeleton: skeletonOf(document) });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
