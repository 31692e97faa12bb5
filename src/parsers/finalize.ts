import { PageContextSchema, type PageContext, type SiteParser } from './schema';

const MAX_PAGE_URL = 4096;

/** The page URL as reported; past the schema's limit it is shortened to a prefix that is still a real URL. */
export function pageUrl(url: URL): string {
  return [url.href, `${url.origin}${url.pathname}`, url.origin].find((u) => u.length <= MAX_PAGE_URL) ?? '';
}

/** The context if it passes the schema, else null: a parser never hands on data it has not validated. */
export function finalize(ctx: PageContext): PageContext | null {
  const result = PageContextSchema.safeParse(ctx);
  return result.success ? result.data : null;
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
