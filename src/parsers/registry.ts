import { hostMatcher } from './host-match';
import type { PageContext, SiteParser } from './schema';

export interface Registry {
  parsers: readonly SiteParser[];
  /** The first parser whose match patterns cover `url`; parsers without patterns are never chosen. */
  parserFor(url: URL): SiteParser | undefined;
  /** What the page shows, read by `parserFor(url)`; null when none covers it. Never throws. */
  parsePage(doc: Document, url: URL): PageContext | null;
}

/**
 * A URL → parser lookup over a fixed list. Each content script builds one over only the parsers
 * it needs (see mail.ts, social.ts), so a webmail script never bundles the LinkedIn reader.
 * Reads the parsers' manifest patterns with the browser's semantics (host-match.ts), so a page is
 * read by exactly the parser whose patterns made the browser inject us.
 */
export function registry(parsers: readonly SiteParser[]): Registry {
  const patterns = parsers.map((p) => ({ parser: p, patterns: p.matches.map(hostMatcher) }));
  const parserFor = (url: URL) => patterns.find(({ patterns }) => patterns.some((matches) => matches(url)))?.parser;
  return {
    parsers,
    parserFor,
    parsePage(doc, url) {
      const parser = parserFor(url);
      return parser ? parser.parse(doc, url) : null;
    },
  };
}
