import { firstVisible, visibility } from '../dom';
import { finalize, pageUrl, total } from '../finalize';
import { OUTLOOK_MATCHES } from '../hosts';
import { selfKeys } from '../people';
import type { PageContext, SiteParser } from '../schema';
import { readCompose } from './compose';
import { readPane } from './reading-pane';
import { READING_PANE } from './selectors';
import { readSelf } from './self';

/** Mail routes: `/mail/…` (office.com, cloud.microsoft) or `/mail/0/…` (live.com); settings are `/mail/options/…`. */
function isMailRoute(url: URL): boolean {
  return /^\/mail(\/|$)/.test(url.pathname) && !/^\/mail\/(?:\d+\/)?options(\/|$)/.test(url.pathname);
}

/** A message route: `/mail/inbox/id/<id>`, `/mail/0/sentitems/id/<id>`, `/mail/id/<id>`. */
const isMessageRoute = (url: URL): boolean => /\/id\/[^/]+/.test(url.pathname);

/**
 * Outlook on the web (office.com, office365.com, live.com, cloud.microsoft). Views, in order:
 * - a message open in the reading pane → 'thread';
 * - otherwise a message being written (in the pane or a pop-out) with a resolved recipient → 'compose';
 * - otherwise a mail route → 'list' with no people (the list alone, or the pane's empty state);
 * - anything else (settings, calendar, people) → null.
 * A message URL where neither is found → 'thread', no people, `unread`: a layout change, probably.
 */
function read(doc: Document, url: URL): PageContext | null {
  if (!isMailRoute(url)) return null;
  const isVisible = visibility();
  const self = readSelf(doc);
  const keys = selfKeys(self.addresses);
  const base = { site: 'outlook', url: pageUrl(url), ...(self.email && { self: { email: self.email } }) };

  const pane = firstVisible(doc, READING_PANE, isVisible);
  const conversation = pane && readPane(doc, pane, isVisible, keys);
  if (conversation) return finalize({ ...base, view: 'thread', ...conversation });
  const recipients = readCompose(pane ?? doc.documentElement, isVisible, keys);
  if (recipients && recipients.length > 0) return finalize({ ...base, view: 'compose', people: recipients });
  if (isMessageRoute(url)) return finalize({ ...base, view: 'thread', people: [], unread: true });
  return finalize({ ...base, view: 'list', people: [] });
}

export const outlook: SiteParser = { id: 'outlook', matches: OUTLOOK_MATCHES, parse: total(read) };
