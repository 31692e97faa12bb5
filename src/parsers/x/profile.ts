import { attr, visibleText, type IsVisible } from '../dom';
import { hasType, isObject, jsonBlocks, jsonObjects, jsonText, jsonUrl } from '../json-ld';
import { firstVisibleQuick } from '../pick';
import { httpsUrl } from '../url';
import { pathOf } from './route';
import { AVATAR_IMAGE, AVATAR_LINK, IMAGE_HOSTS, PROFILE_SCHEMA, TEXT_RUN, USER_DESCRIPTION, USER_LOCATION, USER_NAME } from './selectors';
import { textWithEmoji } from './text';

/** What one source says about the profile; raw strings, cleaned by `profileOf`. */
export interface ProfileRead {
  name?: string;
  bio?: string;
  location?: string;
  avatarUrl?: string;
}

const AT_HANDLE = /^@([A-Za-z0-9_]{1,15})$/;

export const avatarUrl = (img: Element | null | undefined, base: URL) => httpsUrl(attr(img, 'src'), base, IMAGE_HOSTS);

/**
 * The `ProfilePage` JSON-LD, only if its Person is this handle: X writes it at first load, so
 * after in-app navigation it still describes the profile opened first. Both PROFILE_SCHEMA
 * selectors are read in one scan; the handle, not the order, decides which block counts.
 */
export function fromSchema(doc: Document, handle: string, base: URL): ProfileRead {
  for (const page of jsonObjects(jsonBlocks(doc, PROFILE_SCHEMA.join(','))).filter((n) => hasType(n, 'ProfilePage'))) {
    const person = page['mainEntity'] ?? page['author'];
    if (!isObject(person)) continue;
    const named = jsonText(person['additionalName'])?.replace(/^@/, '').toLowerCase();
    if (named !== handle && pathOf(jsonUrl(person['url']), base) !== `/${handle}`) continue;
    return {
      name: jsonText(person['name'] ?? person['givenName']),
      bio: jsonText(person['description']),
      location: jsonText(person['homeLocation']),
      avatarUrl: httpsUrl(jsonUrl(person['image']), base, IMAGE_HOSTS),
    };
  }
  return {};
}

/** The handle a name block shows (`@AnaLima` → `analima`). */
export function shownHandle(block: Element): string | undefined {
  for (const run of Array.from(block.querySelectorAll(TEXT_RUN))) {
    const handle = AT_HANDLE.exec(visibleText(run).trim())?.[1];
    if (handle) return handle.toLowerCase();
  }
  return undefined;
}

/** The display name in a name block: the first text run that is not the `@handle`, emoji included. */
export function shownName(block: Element): string | undefined {
  for (const run of Array.from(block.querySelectorAll(TEXT_RUN))) {
    const text = textWithEmoji(run).trim();
    if (text && !text.startsWith('@')) return text;
  }
  return undefined;
}

/** The photo inside a `/<handle>/photo` link on X's image host. */
function photoIn(link: Element, handle: string, isVisible: IsVisible, base: URL): string | undefined {
  if (pathOf(attr(link, 'href'), base) !== `/${handle}/photo` || !isVisible(link)) return undefined;
  return avatarUrl(link.querySelector(AVATAR_IMAGE), base);
}

/**
 * The photo linked as `/<handle>/photo`: the link names whose photo it is, so it cannot be stale.
 * The header's link is usually the column's first, so it is tried before listing them all.
 */
function headerAvatar(column: Element, handle: string, isVisible: IsVisible, base: URL): string | undefined {
  const first = column.querySelector(AVATAR_LINK);
  const quick = first && photoIn(first, handle, isVisible, base);
  if (quick || !first) return quick ?? undefined;
  for (const link of Array.from(column.querySelectorAll(AVATAR_LINK))) {
    const url = photoIn(link, handle, isVisible, base);
    if (url) return url;
  }
  return undefined;
}

/**
 * The profile header, only if it shows this handle: while X renders the next profile the
 * previous header is still mounted, and its name and bio belong to someone else.
 */
export function fromHeader(column: Element, handle: string, isVisible: IsVisible, base: URL): ProfileRead {
  const avatar = headerAvatar(column, handle, isVisible, base);
  // The header sits above the timeline, so each part is found early in the column.
  const block = firstVisibleQuick(column, [USER_NAME], isVisible);
  if (!block || shownHandle(block) !== handle) return { avatarUrl: avatar };
  const bio = firstVisibleQuick(column, [USER_DESCRIPTION], isVisible);
  const location = firstVisibleQuick(column, [USER_LOCATION], isVisible);
  return {
    name: shownName(block),
    bio: bio && textWithEmoji(bio),
    location: location && textWithEmoji(location),
    avatarUrl: avatar,
  };
}
