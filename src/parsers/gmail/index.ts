import { finalize, pageUrl, total } from '../finalize';
import { visibility } from '../dom';
import { GMAIL_MATCHES } from '../hosts';
import { selfKeys } from '../people';
import type { PageContext, SiteParser } from '../schema';
import { readCompose } from './compose';
import { isListRoute, isThreadRoute } from './route';
import { readSelf } from './self';
import { readThread } from './thread';

/**
 * Gmail (mail.google.com). What the page shows decides the view, in this order:
 * - a visible conversation → 'thread' (also in split-pane mode, where the hash stays `#inbox`);
 * - otherwise a visible compose form with at least one recipient → 'compose';
 * - otherwise a mail list route (`#inbox`, `#label/…`, `#search/…`) → 'list' with no people.
 *   An empty compose popup over the inbox is this case too: the page is still the list.
 * - anything else (settings, contacts, Chat) → null: not a page about people.
 * A thread URL where none of this finds a conversation → 'thread', no people, `unread`: Gmail has
 * probably changed its layout (while Gmail loads a thread the panel waits before saying so).
 * Hidden (stale) views never count; see dom.ts `visibility`.
 */
function read(doc: Document, url: URL): PageContext | null {
  const isVisible = visibility();
  const self = readSelf(doc);
  const keys = selfKeys(self.addresses);
  const base = { site: 'gmail', url: pageUrl(url), ...(self.email && { self: { email: self.email } }) };

  const thread = readThread(doc, isVisible, keys, url);
  if (thread) return finalize({ ...base, view: 'thread', ...thread });
  const compose = readCompose(doc, isVisible, keys);
  if (compose && compose.people.length > 0) return finalize({ ...base, view: 'compose', ...compose });
  if (isThreadRoute(url)) return finalize({ ...base, view: 'thread', people: [], unread: true });
  return isListRoute(url) ? finalize({ ...base, view: 'list', people: [] }) : null;
}

export const gmail: SiteParser = { id: 'gmail', matches: GMAIL_MATCHES, parse: total(read) };
