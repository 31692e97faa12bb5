import { X_MATCHES } from '../hosts';

/**
 * What an X URL points at: a profile (`/<handle>`, `/<handle>/media`, …), a post
 * (`/<handle>/status/<id>`), or neither. The first path segment is a handle unless X reserves it.
 */

export type Route = { kind: 'profile'; handle: string } | { kind: 'post'; handle: string; id: string };

// The hosts of the content script's match list. Worked out here, not in hosts.ts, so the mail
// content script (which imports hosts.ts) carries no extra code.
const HOSTS = new Set(X_MATCHES.map((pattern) => new URL(pattern).hostname));
export const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const POST_ID = /^\d{1,25}$/;

/** First path segments that are X's own pages, not accounts (handles are compared in lower case). */
const RESERVED = new Set([
  ...['home', 'explore', 'notifications', 'messages', 'settings', 'search', 'search-advanced', 'i', 'compose'],
  ...['login', 'logout', 'signup', 'tos', 'privacy', 'rules', 'about', 'account', 'intent', 'share', 'hashtag'],
  ...['jobs', 'communities', 'bookmarks', 'lists', 'topics', 'premium', 'premium_sign_up', 'download', 'oauth'],
  ...['display', 'keyboard_shortcuts', 'your_twitter_data', 'flow', 'who_to_follow', 'connect_people', 'jf'],
]);

export function routeOf(url: URL): Route | undefined {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return undefined;
  const [first = '', second, third] = url.pathname.split('/').slice(1);
  const handle = first.toLowerCase();
  if (!HANDLE.test(first) || RESERVED.has(handle)) return undefined;
  if (second !== 'status') return { kind: 'profile', handle };
  return third && POST_ID.test(third) ? { kind: 'post', handle, id: third } : undefined;
}

export const profileUrl = (handle: string): string => `https://x.com/${handle}`;

/** The lower-case path of a link on X (`/AnaLima/photo` → `/analima/photo`); undefined for other hosts. */
export function pathOf(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return HOSTS.has(url.hostname) ? url.pathname.toLowerCase().replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}
