/** Longest URL a Correspondent may carry (the schema's limit). */
const MAX_URL = 2048;

/**
 * An absolute `https:` URL, or undefined. Parsed with the WHATWG URL parser rather than
 * prefix-matched, so `javascript:`, `data:`, ` https:` tricks and embedded credentials all fail.
 * Relative URLs resolve against `base` (the page's URL). With `hosts`, the URL's host must be one
 * of them or a subdomain (`googleusercontent.com` allows `lh3.googleusercontent.com`), which keeps
 * avatar URLs to the mail provider's own image hosts.
 */
export function httpsUrl(raw: string | null | undefined, base?: URL, hosts?: readonly string[]): string | undefined {
  if (!raw || raw.length > MAX_URL) return undefined;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.href.length > MAX_URL) return undefined;
  const host = url.hostname;
  if (hosts && !hosts.some((h) => host === h || host.endsWith(`.${h}`))) return undefined;
  return url.href;
}
