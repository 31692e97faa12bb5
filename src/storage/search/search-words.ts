import { confusableKey } from '../people/confusables';

/**
 * The words Clyde indexes and searches by. Query and records go through the same folding
 * (accents dropped, lower case, look-alike letters mapped to Latin), so "jose" finds "José" and a
 * name typed with a Cyrillic "а" is still found by its Latin spelling.
 */

// Words too common to narrow anything down; skipping them keeps the index a third smaller.
const STOP = new Set([
  'the',
  'and',
  'for',
  'about',
  'with',
  'that',
  'this',
  'from',
  'http',
  'https',
  'www',
  'com',
  'de',
  'da',
  'do',
  'em',
  'on',
  'in',
  'at',
  'to',
  'of',
  'is',
  'an',
  'or',
]);

const MAX_WORD = 40;
/** Enough for any real note; a 20,000-character paste stays searchable by its first 1,000 words. */
const MAX_WORDS = 1000;

export function foldText(s: string): string {
  return confusableKey(s);
}

/** Distinct searchable words of a text, in order of first appearance. */
export function wordsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of foldText(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].slice(0, MAX_WORD);
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w);
    if (out.size >= MAX_WORDS) break;
  }
  return [...out];
}

/**
 * The terms of a query: every one is matched as a word prefix, all of them must match. Something
 * with an "@" stays one term, to match a whole address as it is typed ("ana.lima@ex").
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const chunk of query.trim().split(/\s+/)) {
    if (chunk.includes('@') && chunk.length > 1) terms.add(chunk.toLowerCase().slice(0, 200));
    else for (const m of foldText(chunk).matchAll(/[\p{L}\p{N}]+/gu)) terms.add(m[0].slice(0, MAX_WORD));
  }
  return [...terms];
}
