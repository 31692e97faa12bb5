import { MAX_NAME, MAX_TEXT } from './caps';

/**
 * Cleaning of text read off a page. Page text is attacker-controlled: it can hide characters
 * (zero-width), reorder what the user sees (bidi overrides, `"invoice\u202Egpj.exe"`), smuggle
 * invisible tag characters, or be megabytes long. Everything a parser returns goes through here.
 */

/** Lone UTF-16 surrogates (common in fuzzed or truncated input) become U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** C0/C1 controls: read as whitespace so "Ana\nLima" stays two words. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Invisible format characters: soft hyphen, Arabic letter mark, Hangul fillers, zero-width
 * space/non-joiner, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and invisible
 * operators, BOM, and Unicode tag characters (U+E0000 block, used for "ASCII smuggling").
 * ZWJ (U+200D) is handled separately because emoji sequences need it.
 */
const INVISIBLE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- a class of lone invisible characters, not combined ones
  '[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]' + '|\uDB40[\uDC00-\uDC7F]',
  'g',
);

/** ZWJ survives only inside an emoji sequence (👩🏽‍💻); anywhere else it only hides things. */
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** Ample room for cleaning to shrink a string before truncation; bounds work on 1 MB inputs. */
const SCAN_FACTOR = 8;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Visible text as one line: invisible and control characters removed, whitespace collapsed. */
export function cleanText(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(STRAY_ZWJ, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The longest prefix of whole graphemes with at most `maxGraphemes` graphemes and `maxUnits`
 * UTF-16 code units. Never splits a grapheme (a flag, a skin-toned emoji, a letter with
 * combining marks); a single grapheme longer than `maxUnits` is dropped entirely.
 */
export function truncateGraphemes(s: string, maxGraphemes: number, maxUnits: number): string {
  if (s.length <= maxGraphemes && s.length <= maxUnits) return s;
  let end = 0;
  let count = 0;
  for (const { segment } of graphemes.segment(s)) {
    if (count === maxGraphemes || end + segment.length > maxUnits) break;
    end += segment.length;
    count += 1;
  }
  return s.slice(0, end);
}

/** Cleaned and bounded text, or undefined when nothing visible is left. */
export function cleanBounded(raw: string | null | undefined, maxGraphemes: number, maxUnits: number): string | undefined {
  if (!raw) return undefined;
  const cleaned = cleanText(raw.slice(0, maxUnits * SCAN_FACTOR));
  const text = truncateGraphemes(cleaned, maxGraphemes, maxUnits).trim();
  return text || undefined;
}

/** A person's display name: ≤ MAX_NAME graphemes (and ≤ 4 code units per grapheme on average). */
export function cleanName(raw: string | null | undefined): string | undefined {
  return cleanBounded(raw, MAX_NAME, MAX_NAME * 4);
}

/** A subject line: ≤ MAX_TEXT graphemes, ≤ 2 × MAX_TEXT code units (the schema's limit). */
export function cleanSubject(raw: string | null | undefined): string | undefined {
  return cleanBounded(raw, MAX_TEXT, MAX_TEXT * 2);
}

/** Opaque ids (thread, conversation) are kept only if they look like ids: short, no spaces or markup. */
const ID = /^[\w:#+/=.-]{1,200}$/;

export function cleanId(raw: string | null | undefined): string | undefined {
  const id = raw?.trim();
  return id && ID.test(id) ? id : undefined;
}
