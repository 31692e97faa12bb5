/**
 * X (Twitter) selectors (research/parsers.md §6). X's class names are atomic CSS hashes
 * (`css-175oi2r r-1wbh5a2`), so nothing here uses them: `data-testid`, `dir`, `href` patterns and
 * the JSON-LD X writes for search engines. Lists are tried in order, newest layout first.
 */

/** The centre column; the side nav (signed-in account) and "Who to follow" are outside it. */
export const PRIMARY_COLUMN = [
  '[data-testid="primaryColumn"]', // 2019–2026
  'main[role=main]', // 2019–2026 landmark, if the test id goes
];

/** Profile header: display name and `@handle` spans. */
export const USER_NAME = '[data-testid="UserName"]'; // 2020–2026
/** Inside the name block, the text runs (name, then handle); the verified badge is one without text. */
export const TEXT_RUN = '[dir]'; // 2020–2026: `div[dir="ltr"]` / `[dir="auto"]`
export const USER_DESCRIPTION = '[data-testid="UserDescription"]'; // 2020–2026: bio
export const USER_LOCATION = '[data-testid="UserLocation"]'; // 2020–2026, under `UserProfileHeader_Items`

/** The profile photo: a link to `/<handle>/photo` around an image on X's image host. */
export const AVATAR_LINK = 'a[href$="/photo" i]'; // 2019–2026
export const AVATAR_IMAGE = 'img[src*="profile_images"]'; // 2019–2026: `…/profile_images/<id>/<name>_400x400.jpg`
export const IMAGE_HOSTS = ['pbs.twimg.com'];

/** Structured profile data; `mainEntity` (2024–2026) or `author` (2023) is the Person. */
export const PROFILE_SCHEMA = [
  'script[data-testid="UserProfileSchema-test"]', // 2023–2026
  'script[type="application/ld+json" i]', // the same JSON if the test id goes
];

/** The signed-in account: the side-nav switcher, whose avatar container id ends with the handle. */
export const ACCOUNT_SWITCHER = '[data-testid="SideNav_AccountSwitcher_Button"]'; // 2020–2026
export const ACCOUNT_AVATAR = '[data-testid^="UserAvatar-Container-"]'; // 2022–2026

/** A post page: the posts, each with its author block and avatar. */
export const POST = 'article[data-testid="tweet"]'; // 2019–2026
export const POST_AUTHOR = '[data-testid="User-Name"]'; // 2021–2026 (older: `User-Names`)
export const POST_AVATAR = '[data-testid="Tweet-User-Avatar"] img[src*="profile_images"]'; // 2022–2026
/** Links to one post (its timestamp); `id` is digits only (see route.ts), so it is safe in a selector. */
export const permalinksTo = (id: string): string => `a[href$="/status/${id}"]`; // 2019–2026
