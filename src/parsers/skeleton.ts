import { MAX_SKELETON } from './schema';
import { isVocabularyWord } from './vocabulary';

/**
 * A page's censored copy, for a bug report when a parser reads nobody (parsers.md §8.5, after
 * InboxSDK's censored DOM tree). It is HTML with the page's structure and none of what a person
 * wrote, so that `npm run fixture:anonymize` can turn it into a fixture that fails as the page did:
 * - tags and attributes as they are, in order; names that are not name-like are written `x-`.
 * - every attribute value and text: the words the parsers themselves look for (vocabulary.ts: the
 *   words of every selector, ARIA roles, UI labels) verbatim; every other letter, in any script, as
 *   `x`/`X`, every digit of a number longer than two as `0`, symbols and emoji as `?`. Punctuation
 *   and spacing stay, so an address still looks like one (`xxx.xxxx@xxxxx.xxx`), a name like a
 *   name, and "· 1st" beside a name like itself.
 * - class lists keep only vocabulary classes: hashed ones (most of a page's size) no parser reads.
 * - no scripts, styles, head, or SVG drawing; bounded in depth, elements and length.
 * The first line is the page address, censored the same way but for its origin (a supported site's).
 */

const MAX_DEPTH = 256;
const MAX_ELEMENTS = 30_000;
/** Longest attribute value kept; a `data:` image or a long tracking URL is cut there. */
const MAX_VALUE = 300;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'iframe', 'object', 'embed']);
/** Elements whose children are drawing or media, not structure. */
const LEAVES = new Set(['svg', 'math', 'video', 'audio', 'canvas', 'picture']);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const NAME = /^[a-z][a-z0-9_:-]{0,39}$/;

/** Camel-case pieces of an ASCII word run (`UserAvatarContainer`, `BJVATopcard` → `BJVA`, `Topcard`). */
const PIECES = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;
const RUNS = /[A-Za-z0-9]+|[^A-Za-z0-9]+/g;

/** A masked character: letters `x`/`X`, digits `0`, marks dropped, punctuation and spacing kept, anything else `?`. */
const maskChar = (c: string): string => {
  if (/\p{Nd}/u.test(c)) return '0';
  if (/\p{L}/u.test(c)) return /\p{Lu}/u.test(c) ? 'X' : 'x';
  if (/\p{M}/u.test(c)) return '';
  if (/\s/u.test(c)) return c === '\n' || c === '\t' ? c : ' ';
  return /[\p{P}\x20-\x7e]/u.test(c) ? c : '?';
};

/** A piece of a word: kept if it is a vocabulary word or a short number (a count, "1st"), else masked. */
const maskPiece = (piece: string): string => (isVocabularyWord(piece) || /^\d{1,2}$/.test(piece) ? piece : piece.replace(/./gsu, maskChar));

/** Text or a value with every word outside the vocabulary masked, character for character. */
function censor(text: string): string {
  return text.replace(RUNS, (run) => (/^[A-Za-z0-9]/.test(run) ? run.replace(PIECES, maskPiece) : Array.from(run, maskChar).join('')));
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeValue = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const safeName = (name: string): string => (NAME.test(name) ? name : 'x-');

function attributesOf(el: Element): string {
  let out = '';
  for (const { name: raw, value } of Array.from(el.attributes)) {
    const name = safeName(raw.toLowerCase());
    const kept =
      name === 'class'
        ? value
            .split(/\s+/)
            .filter((c) => c && censor(c) === c)
            .join(' ')
        : censor(value.slice(0, MAX_VALUE));
    out += ` ${name}="${escapeValue(kept)}"`;
  }
  return out;
}

interface Budget {
  elements: number;
  out: string[];
}

function write(el: Element, depth: number, budget: Budget): void {
  budget.elements += 1;
  const tag = safeName(el.localName);
  budget.out.push(`<${tag}${attributesOf(el)}>`);
  if (VOID.has(tag)) return;
  if (depth >= MAX_DEPTH) budget.out.push('<!-- … -->');
  else if (!LEAVES.has(tag)) {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (budget.elements >= MAX_ELEMENTS) {
        budget.out.push('<!-- … -->');
        break;
      }
      if (child.nodeType === 3) budget.out.push(escapeText(censor(child.nodeValue ?? '')));
      else if (child.nodeType === 1 && !SKIPPED.has((child as Element).localName)) write(child as Element, depth + 1, budget);
    }
  }
  budget.out.push(`</${tag}>`);
}

/**
 * The censored address of a page: `https://www.linkedin.com/in/xxxxx-xxxx/`. The origin stays: a
 * diagnostic comes from a supported site (mail.google.com, outlook.live.com…), never anyone's own.
 */
function censoredUrl(href: string): string {
  const { origin } = URL.canParse(href) ? new URL(href) : { origin: '' };
  return href.startsWith(origin) ? origin + censor(href.slice(origin.length, 2048)) : censor(href.slice(0, 2048));
}

/** The censored copy of `doc`'s body (the page at `url`), at most MAX_SKELETON characters. Never throws. */
export function skeletonOf(doc: Document, url = doc.URL): string {
  try {
    const root = doc.body ?? doc.documentElement;
    if (!root) return '';
    const budget: Budget = { elements: 0, out: [] };
    write(root, 0, budget);
    const page = /^https?:/.test(url) ? `<!-- page: ${escapeText(censoredUrl(url))} -->\n` : '';
    const html = page + budget.out.join('');
    return html.length <= MAX_SKELETON ? html : `${html.slice(0, MAX_SKELETON - 12)}<!-- … -->`;
  } catch {
    return '';
  }
}

/**
 * The text a user copies for a bug report: who could not read the page, then its censored copy.
 * test/support/fixtures/diagnostic.ts reads it back to make a fixture.
 */
export const diagnosticText = (version: string, site: string, view: string, copy: string): string =>
  `Clyde ${version} could not read a page\nreader: ${site}\nview: ${view}\n\n${copy}`;
