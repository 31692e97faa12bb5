import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messaging/protocol';
import type { PageContext } from '../parsers/schema';

/**
 * Tells the extension what the page shows now. Typed against the protocol without importing its
 * schemas, which would double a content script's size. A message lost while the background
 * restarts costs nothing: the next change sends the whole context again.
 */
export function reportPage(context: PageContext | null): void {
  const message: ContentMessage = { type: 'page/context', context, at: performance.timeOrigin + performance.now() };
  browser.runtime.sendMessage(message).catch(() => undefined);
}
