import { visibility } from '../dom';
import { finalize, pageUrl, total } from '../finalize';
import { X_MATCHES } from '../hosts';
import { firstVisibleQuick } from '../pick';
import { profileOf } from '../profile';
import type { PageContext, SiteParser } from '../schema';
import { readAuthor } from './post';
import { fromHeader, fromSchema } from './profile';
import { profileUrl, routeOf } from './route';
import { PRIMARY_COLUMN } from './selectors';
import { readSelf } from './self';

/**
 * X (x.com, twitter.com). The URL names the account; the page only adds to it.
 * - `/<handle>` and its tabs → 'profile' with that account: name and photo from the JSON-LD if it
 *   names this handle, else from the header if it shows this handle; bio and location from the
 *   header first (it shows links expanded), JSON-LD filling gaps.
 * - `/<handle>/status/<id>` → 'thread' with the post's author as 'from', once the focal post is
 *   on screen (null before): reading someone's post is a natural moment to see them in the CRM.
 *   Repliers and quoted authors are not reported.
 * - X's own pages (home, explore, settings, …) → null.
 * The signed-in account is `self` and never a correspondent, so on one's own profile `people` is
 * empty. Timeline authors and "Who to follow" are outside the header and never read. Someone
 * else's profile with no name from any source is still the URL's account, but `unread` (a layout
 * change, or an account that no longer exists).
 */
function read(doc: Document, url: URL): PageContext | null {
  const route = routeOf(url);
  if (!route) return null;
  const isVisible = visibility();
  const self = readSelf(doc);
  const base = { site: 'x', url: pageUrl(url), ...(self && { self: { handle: self } }) };
  const column = firstVisibleQuick(doc, PRIMARY_COLUMN, isVisible) ?? doc.documentElement;
  const { handle } = route;

  if (route.kind === 'post') {
    const author = readAuthor(column, handle, route.id, isVisible, url);
    if (!author) return null;
    const person = handle === self ? undefined : profileOf({ handle, profileUrl: profileUrl(handle), ...author }, 'from');
    return finalize({ ...base, view: 'thread', people: person ? [person] : [], thread: { id: route.id } });
  }

  const schema = fromSchema(doc, handle, url);
  const header = fromHeader(column, handle, isVisible, url);
  const person =
    handle === self
      ? undefined
      : profileOf({
          handle,
          profileUrl: profileUrl(handle),
          name: [schema.name, header.name],
          headline: [header.bio, schema.bio],
          location: [header.location, schema.location],
          avatarUrl: [schema.avatarUrl, header.avatarUrl],
        });
  return finalize({ ...base, view: 'profile', people: person ? [person] : [], ...(person && !person.name && { unread: true }) });
}

export const x: SiteParser = { id: 'x', matches: X_MATCHES, parse: total(read) };
