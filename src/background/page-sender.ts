import type { Browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { PAGE_CAPS } from '../parsers/caps';
import { SUPPORTED_HOSTS } from '../parsers/hosts';
import { ContentMessage } from '../messaging/protocol';

const PAGE_PATTERNS = SUPPORTED_HOSTS.map((p) => new MatchPattern(p));

/**
 * A content-script message and the tab it came from, if it really comes from our content script
 * in the top frame of a supported page (security.md A12 §13); undefined for anything else. The
 * background's router (the extension's one runtime message listener) reads these messages through
 * this check, and panels get what they say only from the background (src/ui/useTabContext.ts,
 * src/ui/theme/follow-tab.ts).
 */
export function readContentMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  extensionId: string,
): { tabId: number; message: ContentMessage } | undefined {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (sender.id !== extensionId || tabId === undefined || sender.frameId !== 0 || !url) return undefined;
  if (!PAGE_PATTERNS.some((p) => p.includes(url))) return undefined;
  const msg = ContentMessage.safeParse(raw);
  if (msg.success) return { tabId, message: msg.data };
  const unread = unreadPage(raw, url);
  if (unread) console.warn('Clyde could not use what it read on this page:', msg.error.issues.slice(0, 3));
  return unread && { tabId, message: unread };
}

/**
 * Our own content script, on a supported page, sent a page context the schema refuses (a parser
 * reading something unforeseen: an address too long, a `javascript:` photo). Dropped, it would
 * leave the panel showing the last page's person as if they were on this one, where a note would
 * then go to the wrong person. Kept instead as a page Clyde could not read, with nobody on it: the
 * panel says so and offers search (ParserHealth). Undefined when even that much is not there.
 */
function unreadPage(raw: unknown, url: string): ContentMessage | undefined {
  const sent = raw as { type?: unknown; at?: unknown; context?: { site?: unknown; view?: unknown } | null } | null;
  // Only the context may be at fault: a message of another shape is no page/context message at all.
  const envelope = typeof sent === 'object' && sent !== null && Object.keys(sent).sort().join() === 'at,context,type';
  if (!envelope || sent.type !== 'page/context' || typeof sent.at !== 'number' || typeof sent.context !== 'object' || !sent.context)
    return undefined;
  const { site, view } = sent.context;
  const unread = ContentMessage.safeParse({
    type: 'page/context',
    at: sent.at,
    context: { site, view, url: url.slice(0, PAGE_CAPS.url), people: [], unread: true },
  });
  return unread.success ? unread.data : undefined;
}
