/**
 * Gmail routes by URL fragment (`#inbox`, `#inbox/FMfcgz…`, `#label/Clients`, `#settings/general`).
 * Only the first fragment segment matters here: it says whether the page is a mail list (possibly
 * with a thread open over it) or something else, such as settings or contacts.
 */
const LIST_ROUTES = new Set([
  'inbox',
  'starred',
  'snoozed',
  'imp',
  'sent',
  'scheduled',
  'drafts',
  'all',
  'spam',
  'trash',
  'chats',
  'purchases',
  'label',
  'category',
  'search',
  'advanced-search',
]);

/** True for mailbox, label, category and search routes; an empty fragment is the inbox. */
export function isListRoute(url: URL): boolean {
  if (!url.pathname.startsWith('/mail/')) return false;
  const first = url.hash.replace(/^#/, '').split(/[/?]/, 1)[0] ?? '';
  return first === '' || LIST_ROUTES.has(first);
}

/** Gmail's thread ids in URLs: the current `FMfcgz…` form or the legacy 16 hex digits. */
const THREAD_ID = /^(?:FMfc[A-Za-z0-9]{10,}|[0-9a-f]{16})$/;

/**
 * True when the URL opens one conversation (`#inbox/FMfcgz…`, `#label/Clients/FMfcgz…`): the page
 * should then show someone. Split-pane mode keeps the list hash, so it never counts here.
 */
export function isThreadRoute(url: URL): boolean {
  if (!isListRoute(url)) return false;
  const segments = (url.hash.replace(/^#/, '').split('?', 1)[0] ?? '').split('/');
  return segments.length >= 2 && THREAD_ID.test(segments.at(-1) ?? '');
}
