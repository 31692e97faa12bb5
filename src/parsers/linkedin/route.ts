/**
 * What a LinkedIn URL points at. Profiles are `/in/<slug>` and companies `/company/<slug>`, on
 * www or a country host (`br.`, `uk.`); anything after the slug (`/overlay/contact-info/`,
 * `/details/experience/`, `/about/`) is the same entity. Feed, search, jobs and messaging are not.
 */

export interface Route {
  /** The URL segment: `in` (a person) or `company`. */
  kind: 'in' | 'company';
  /** Decoded and NFC; vanity slugs lower-cased (LinkedIn treats them case-insensitively). */
  slug: string;
}

/** Member-id URLs (`/in/ACoAAB…`): case-sensitive ids, shown before LinkedIn swaps in the vanity slug. */
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{8,}$/;
/** Vanity slugs are letters, digits and hyphens (older ones also `_` and `.`), up to 100 characters. */
const SLUG = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
const ENTITY_PATH = /^\/(in|company)\/([^/]+)(?:\/|$)/;
/** `/in/me` redirects to the viewer's own profile; it names nobody. */
const NOT_A_SLUG = new Set(['me', '.', '..']);

export const isMemberId = (slug: string): boolean => MEMBER_ID.test(slug);

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return undefined;
  }
}

/** The entity a LinkedIn URL shows, or undefined for other pages and other hosts. */
export function routeOf(url: URL): Route | undefined {
  if (url.protocol !== 'https:' || !/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
  const match = ENTITY_PATH.exec(url.pathname);
  const decoded = match?.[2] && decode(match[2]);
  if (!match || !decoded || !SLUG.test(decoded)) return undefined;
  const slug = isMemberId(decoded) ? decoded : decoded.toLowerCase();
  if (NOT_A_SLUG.has(slug)) return undefined;
  return { kind: match[1] === 'in' ? 'in' : 'company', slug };
}

/** `routeOf` for a link or JSON url (relative to `base`); undefined if it does not parse. */
export function routeOfHref(href: string | null | undefined, base: URL): Route | undefined {
  if (!href) return undefined;
  try {
    return routeOf(new URL(href, base));
  } catch {
    return undefined;
  }
}

/** The canonical URL: `https://www.linkedin.com/in/<slug>` whatever host or sub-page the user is on. */
export function canonicalUrl({ kind, slug }: Route): string {
  return `https://www.linkedin.com/${kind}/${encodeURIComponent(slug)}`;
}

export const sameEntity = (a: Route | undefined, b: Route): boolean => a?.kind === b.kind && a.slug === b.slug;
