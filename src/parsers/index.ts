import { MatchPattern } from 'wxt/utils/match-patterns';
import { gmail } from './gmail';
import { outlook } from './outlook';
import type { PageContext, SiteParser } from './schema';

/** Every site parser. A new site is a folder with an `index.ts` exporting its parser, listed here. */
export const parsers: SiteParser[] = [gmail, outlook];

// The browser's own match-pattern semantics (WXT re-exports @webext-core/match-patterns), so a
// page is read by exactly the parser whose manifest patterns made the browser inject us.
const patterns = parsers.map((p) => ({ parser: p, patterns: p.matches.map((m) => new MatchPattern(m)) }));

export const parserFor = (url: URL): SiteParser | undefined =>
  patterns.find(({ patterns }) => patterns.some((m) => m.includes(url)))?.parser;

/**
 * What the page at `url` shows, read by the parser whose match patterns cover the URL; null when
 * no parser covers it or the page shows nothing a parser recognises. Never throws.
 */
export function parsePage(doc: Document, url: URL): PageContext | null {
  const parser = parserFor(url);
  return parser ? parser.parse(doc, url) : null;
}
