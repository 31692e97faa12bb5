import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messaging/protocol';
import type { PageContext } from '../parsers/schema';
import type { Theme } from './page-theme';

/**
 * Tells the extension what the page shows. Typed against the protocol without importing its
 * schemas, which would double a content script's size. A message lost while the background
 * restarts costs nothing: the next change sends it again.
 */
const send = (message: ContentMessage) => void browser.runtime.sendMessage(message).catch(() => undefined);

/** Who the page shows now. */
export function reportPage(context: PageContext | null): void {
  send({ type: 'page/context', context, at: performance.timeOrigin + performance.now() });
}

/** The theme the page shows now (page-theme.ts), for the panels beside it to wear. */
export function reportTheme(theme: Theme): void {
  send({ type: 'page/theme', theme });
}
