/**
 * Whether a URL falls under one of the manifest's match patterns, for the content scripts.
 *
 * The background uses @webext-core/match-patterns (through WXT), which reads every pattern form
 * browsers accept. The content scripts only ever test their own host patterns (hosts.ts), which
 * all have the form `https://host/*` or `https://*.domain/*`, and the general library costs about
 * 1.2 KB gzipped in a script every webmail load pays for. So this reads just that form, refuses
 * any other loudly, and host-match.test.ts holds it to the library's answers.
 */
const FORM = /^https:\/\/(\*\.)?([a-z0-9.-]+)\/\*$/;

export function hostMatcher(pattern: string): (url: URL) => boolean {
  const form = FORM.exec(pattern);
  if (!form) throw new Error(`hostMatcher reads only https://host/* and https://*.domain/* patterns, not ${pattern}`);
  const [, anySubdomain, host] = form as unknown as [string, string | undefined, string];
  return (url) => url.protocol === 'https:' && (url.hostname === host || (anySubdomain !== undefined && url.hostname.endsWith(`.${host}`)));
}
