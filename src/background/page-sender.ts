import type { Browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
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
  return msg.success ? { tabId, message: msg.data } : undefined;
}
