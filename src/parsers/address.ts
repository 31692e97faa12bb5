/**
 * Email addresses read from page attributes and text. Anything malformed is ignored (undefined),
 * never thrown: a page can put any string in an `email` attribute.
 */

/** RFC 5322 dot-atom, plus letters/marks/digits for RFC 6531 (SMTPUTF8) local parts. Quoted
 * local parts (`"a b"@x`) are not accepted: webmail UIs do not show them and they are easy to abuse. */
const ATEXT = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]";
const LOCAL_PART = new RegExp(String.raw`^${ATEXT}+(?:\.${ATEXT}+)*$`, 'u');
const DOMAIN_CHARS = /^[\p{L}\p{M}\p{N}.-]+$/u;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain is alphabetic or an IDN A-label; this rules out IP literals like 127.0.0.1. */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const ADDRESS_IN_TEXT = new RegExp(String.raw`${ATEXT}+(?:\.${ATEXT}+)*@[\p{L}\p{M}\p{N}.-]+`, 'gu');

const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
/** Attribute values longer than this are not worth scanning for a list of mailboxes. */
const MAX_LIST_TEXT = 16_384;

export interface Mailbox {
  name?: string;
  email: string;
}

/** The domain as IDNA A-labels (`bücher.de` → `xn--bcher-kva.de`), or undefined if not a hostname. */
function asciiDomain(domain: string): string | undefined {
  if (domain.length > 253 || !DOMAIN_CHARS.test(domain)) return undefined;
  let host: string;
  try {
    host = new URL(`https://${domain}/`).hostname;
  } catch {
    return undefined;
  }
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((l) => ASCII_LABEL.test(l)) && TLD.test(tld) ? host : undefined;
}

function split(raw: string): { local: string; domain: string; ascii: string } | undefined {
  if (raw.length > MAX_ADDRESS + 16) return undefined;
  const s = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/s, '$1')
    .trim()
    .normalize('NFC');
  const at = s.lastIndexOf('@');
  if (at < 1 || s.length > MAX_ADDRESS) return undefined;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return undefined;
  const ascii = asciiDomain(domain);
  return ascii ? { local, domain, ascii } : undefined;
}

/** The address in display form (as written, NFC, domain lowercased), or undefined if invalid. */
export function parseAddress(raw: string | null | undefined): string | undefined {
  const parts = raw ? split(raw) : undefined;
  return parts && `${parts.local}@${parts.domain}`;
}

/**
 * The form used to compare addresses (self exclusion, de-duplication): NFC, lowercased, domain
 * as A-labels. No provider-specific folding (Gmail dots, plus tags): that would merge people.
 */
export function canonicalAddress(raw: string | null | undefined): string | undefined {
  const parts = raw ? split(raw) : undefined;
  return parts && `${parts.local.toLowerCase()}@${parts.ascii}`;
}

/** `Name <addr>`, `"Name" <addr>` or a bare `addr`; undefined if there is no valid address. */
export function parseMailbox(text: string): Mailbox | undefined {
  const angle = /^([^<>]*)<([^<>]*)>\s*$/.exec(text.trim());
  const email = parseAddress(angle ? angle[2] : text);
  if (!email) return undefined;
  const name = angle?.[1]
    ?.trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
  return name ? { name, email } : { email };
}

/** A `,`/`;`-separated list of mailboxes; separators inside quotes or `<…>` do not split. */
export function parseMailboxList(text: string): Mailbox[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of text.slice(0, MAX_LIST_TEXT)) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<') angled = true;
    else if (ch === '>') angled = false;
    if ((ch === ',' || ch === ';') && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(parseMailbox).filter((m): m is Mailbox => m !== undefined);
}

/** Every valid address that appears anywhere in a piece of text (e.g. an aria-label). */
export function findAddresses(text: string): string[] {
  const candidates = text.slice(0, MAX_LIST_TEXT).match(ADDRESS_IN_TEXT);
  return (candidates ?? []).map((c) => parseAddress(c.replace(/\.+$/, ''))).filter((a): a is string => a !== undefined);
}
