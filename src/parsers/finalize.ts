import { PAGE_CAPS, withinCaps } from './caps';
import type { PageContext, SiteParser } from './schema';

/** The page URL as reported; past the schema's limit it is shortened to a prefix that is still a real URL. */
export function pageUrl(url: URL): string {
  return [url.href, `${url.origin}${url.pathname}`, url.origin].find((u) => u.length <= PAGE_CAPS.url) ?? '';
}

/**
 * The context if it keeps to the caps, else null: a parser never hands on more than they allow.
 * The rest of PageContextSchema is checked where the context arrives (caps.ts says why not here).
 */
export function finalize(ctx: PageContext): PageContext | null {
  return withinCaps(ctx) ? ctx : null;
}

/**
 * Makes a reader total: whatever the page does (a selector the DOM engine rejects, a getter
 * that throws, a stack overflow on absurd nesting), the parser answers null instead of throwing.
 */
export function total(read: SiteParser['parse']): SiteParser['parse'] {
  return (doc, url) => {
    try {
      return read(doc, url);
    } catch {
      return null;
    }
  };
}
