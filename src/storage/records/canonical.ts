import type { IdentityKind } from '../schema';

/**
 * Canonical forms of identities, used for lookups and for identity ids. Display forms are kept
 * separately. No provider-specific folding (Gmail dots, plus tags): two addresses are the same
 * person only when they are the same address (security.md R13, OWASP email cheat sheet).
 */

// Default_Ignorable code points and bidi controls: invisible, so they must never make two
// identities differ (a zero-width space inside an address is the same address to a human).
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- a class of lone invisible characters, not combined ones
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]/gu;

function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

// Unquoted dot-atom local part (RFC 5322 §3.2.3) is what people actually use; quoted local parts
// are rare enough that rejecting them beats mis-parsing them.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*$/u;

/** `Ana.Lima@Bücher.DE` → `ana.lima@xn--bcher-kva.de`; null when it is not an address. */
export function canonicalEmail(raw: string): string | null {
  const s = stripInvisible(raw.normalize('NFC').trim()).replace(/^mailto:/i, '');
  const at = s.lastIndexOf('@');
  if (at < 1 || at === s.length - 1 || s.length > 254) return null;
  const local = s.slice(0, at);
  if (local.length > 64 || !LOCAL.test(local)) return null;
  let domain: string;
  try {
    // WHATWG URL does IDNA (UTS #46) and lower-cases: the A-label form for comparison.
    domain = new URL(`http://${s.slice(at + 1)}`).hostname;
  } catch {
    return null;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return null;
  return `${local.toLowerCase()}@${domain}`;
}

/** X handles are case-insensitive: `@Ana_Lima` → `ana_lima`. */
export function canonicalHandle(raw: string): string | null {
  const s = stripInvisible(raw.trim()).replace(/^@/, '').toLowerCase();
  return /^[a-z0-9_]{1,15}$/.test(s) ? s : null;
}

/** https URL without query, fragment or trailing slash; LinkedIn country hosts fold to www. */
export function canonicalProfileUrl(raw: string): string | null {
  if (!URL.canParse(raw)) return null;
  const u = new URL(raw);
  if (u.protocol !== 'https:') return null;
  const host = /(^|\.)linkedin\.com$/.test(u.hostname) ? 'www.linkedin.com' : u.hostname;
  return `https://${host}${u.pathname.replace(/\/+$/, '')}`;
}

export function canonicalIdentity(kind: IdentityKind, raw: string): string | null {
  if (kind === 'email') return canonicalEmail(raw);
  if (kind === 'x') return canonicalHandle(raw);
  return canonicalProfileUrl(raw);
}

/**
 * Deterministic, so the same address added to the same person on two devices is one record.
 * The person is part of it because records are private by default: two colleagues who each
 * note the same address keep two records, and Clyde suggests a merge instead of colliding.
 */
export function identityId(personId: string, kind: IdentityKind, canonical: string): string {
  return `${personId}|${kind}:${canonical}`;
}
