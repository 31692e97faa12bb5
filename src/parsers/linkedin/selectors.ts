/**
 * LinkedIn selectors (research/parsers.md §5). Lists are tried in order, newest layout first, and
 * each entry says which layout it covers. Since 2025 LinkedIn ships hashed class names, so the
 * reader anchors on what survives that: the URL slug, `main h1`, `aria-label` prefixes, the
 * contact-info link, JSON that names its own slug. The 2024 semantic classes are kept for pages
 * still served that way and as fallbacks.
 */

/**
 * 2026 server-driven profile ("SDUI"): hashed classes, no `h1`, and the screen holds other people
 * too (the sticky toolbar repeats the name; "More profiles for you" lists 5–10 others), so the
 * reader starts from the one section LinkedIn keys as the top card:
 * `componentkey="com.linkedin.sdui.profile.card.ref<member id>Topcard"`. Its name is an `h2`.
 * Seen in real pages saved 2026-04-28 (src/parsers/README.md, layout table).
 */
export const SDUI_TOP_CARD = '[data-sdui-screen*="profile"] section[componentkey$="Topcard"]';
export const SDUI_NAME_HEADING = 'h1, h2';

/** The page's main landmark; the nav bar (viewer's photo and name) and the aside are outside it. */
export const MAIN = [
  'main', // 2024–2026 logged in, 2021–2026 logged out
  '[role=main]', // any layout with the landmark role only
];

/**
 * The top card by attribute or semantic class, for pages still served with 2024 markup. Matched
 * as a group (the nearest around the name heading), so the order here is only for reading.
 */
export const TOP_CARD = [
  'section[data-member-id]', // 2020–2024 logged in: `section.artdeco-card[data-member-id]`
  '.pv-top-card', // 2019–2024 logged in
  'section.top-card-layout', // 2021–2026 logged out (public profile and company page)
  '.org-top-card', // 2021–2024 logged-in company page
];

/**
 * The heading that names the person or organisation. In 2025–26 markup it is the only stable
 * anchor of the top card (its classes are hashes); the card is its enclosing section.
 */
export const NAME_HEADING = 'h1'; // 2019–2026, all layouts (logged out: `h1.top-card-layout__title`)
export const CARD_OF_HEADING = 'section'; // 2025–2026: the top card is the h1's section

/** Regions that are never the profile: the "People also viewed" / "More profiles" rail, the nav. */
export const NOT_PROFILE = 'aside, nav, header, footer, [role=complementary], [role=navigation], [role=banner]';

/** Name fallbacks when the heading is empty. */
export const NAME_FALLBACK: ReadonlyArray<readonly [string, 'alt' | 'invite']> = [
  ['img.pv-top-card-profile-picture__image--show[alt]', 'alt'], // 2022–2024 logged in
  ['[aria-label^="Invite "][aria-label$=" to connect"]', 'invite'], // 2022–2026 "Invite Ana Lima to connect"
];

/** The headline under the name (its semantic classes; 2025–26 markup is read by position, see top-card.ts). */
export const HEADLINE = [
  '.text-body-medium.break-words', // 2022–2024 logged in (has `data-generated-suggestion-target`)
  '.top-card-layout__headline', // 2021–2026 logged out: `h2.top-card-layout__headline`
];

/** The location line (2025–26 markup: the text beside the contact-info link, see top-card.ts). */
export const LOCATION = [
  '.text-body-small.inline.t-black--light.break-words', // 2022–2024 logged in
  '.top-card-layout__first-subline .top-card__subline-item', // 2021–2026 logged out
];

/** "Contact info" opens `/in/<slug>/overlay/contact-info/`: the profile's own vanity slug. */
export const CONTACT_INFO = 'a[href*="/overlay/contact-info"]'; // 2019–2026 (2024 adds `#top-card-text-details-contact-info`)

/** Current company: the aria-label "Current company: Northwind Traders. Click to skip to experience card". */
export const CURRENT_COMPANY = '[aria-label^="Current company:"]'; // 2022–2026 logged in (English UI)
export const CURRENT_COMPANY_PREFIX = 'Current company:';
export const CURRENT_COMPANY_LOGGED_OUT = '[data-section="currentPositionsDetails"]'; // 2021–2026 logged out
/**
 * 2026 SDUI: the card's shortcuts to experience and education are unlabelled buttons, each with a
 * logo (or a placeholder) in a `figure`; the first is the current employer (LinkedIn lists
 * experience before education). A member with no current position shows only the school there,
 * which is then read as the company.
 */
export const SHORTCUT_ICON = '[role=button] figure';

/**
 * Card parts whose text is not the headline: actions, links, the company/school shortcut list,
 * and the visual half of LinkedIn's dual text (`aria-hidden` copy beside a screen-reader copy).
 */
export const NOT_HEADLINE_OR_DUPLICATE = 'a, button, ul, ol, [role=button], [aria-hidden="true"]';

/** The profile photo; other images in the card are the cover, company and school logos. */
export const AVATAR = [
  'img.pv-top-card-profile-picture__image--show', // 2023–2024 logged in
  'img.pv-top-card-profile-picture__image', // 2021–2024 logged in
  'img.top-card__profile-image', // 2021–2026 logged out
  // 2025–2026: hashed classes; the CDN path names the image kind. Only inside a link to a profile:
  // the 2026 card also shows mutual connections' photos, inside a link to a people search.
  'a[href*="/in/"] img[src*="profile-displayphoto"]',
];
/** "No photo" placeholders: a class, or a `data:` 1×1 gif (rejected by `httpsUrl` anyway). */
export const GHOST_AVATAR = '.ghost-person, [class*="ghost"]';
/** The only host LinkedIn serves member photos and company logos from. */
export const IMAGE_HOSTS = ['media.licdn.com'];

/** A company page's tagline and logo (2025–26 markup has no stable hook for the tagline). */
export const COMPANY_TAGLINE = [
  '.org-top-card-summary__tagline', // 2021–2024 logged in
  '.top-card-layout__headline', // 2021–2026 logged out
];
export const COMPANY_LOGO = [
  'img.org-top-card-primary-content__logo', // 2021–2024 logged in
  'img.top-card-layout__entity-image', // 2021–2026 logged out
  'img[src*="company-logo"]', // 2025–2026: the CDN path names the image kind
];

/** Embedded Voyager JSON (logged in): written at first page load, so stale after in-app navigation. */
export const VOYAGER_JSON = 'code[id^="bpr-guid-"]'; // 2019–2026

/** Logged-out profile meta, valid only when `og:url`/canonical names the same slug. */
export const META_FIRST_NAME = 'meta[property="profile:first_name"]';
export const META_LAST_NAME = 'meta[property="profile:last_name"]';
export const META_IMAGE = 'meta[property="og:image"]';
export const META_URL = ['meta[property="og:url"]', 'link[rel=canonical]'] as const;
