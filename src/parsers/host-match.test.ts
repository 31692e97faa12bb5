// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { hostMatcher } from './host-match';
import { SUPPORTED_HOSTS } from './hosts';

describe('hostMatcher', () => {
  const hosts = [
    'mail.google.com',
    'outlook.office.com',
    'www.linkedin.com',
    'br.linkedin.com',
    'linkedin.com',
    'x.com',
    'mobile.x.com',
    'evilx.com',
    'evillinkedin.com',
    'linkedin.com.evil.example',
    'example.com',
  ];
  const url = fc
    .record({
      scheme: fc.constantFrom('https', 'http'),
      host: fc.oneof(fc.constantFrom(...hosts), fc.domain()),
      port: fc.option(fc.constantFrom(443, 8443), { nil: undefined }),
      path: fc.webPath(),
    })
    .map(({ scheme, host, port, path }) => new URL(`${scheme}://${host}${port ? `:${port}` : ''}${path}`));

  it('answers as @webext-core/match-patterns does for every supported pattern', () => {
    const pairs = SUPPORTED_HOSTS.map((p) => ({ p, ours: hostMatcher(p), lib: new MatchPattern(p) }));
    fc.assert(
      fc.property(url, (u) => {
        for (const { p, ours, lib } of pairs) expect(ours(u), `${p} on ${u.href}`).toBe(lib.includes(u));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a pattern form it does not read instead of guessing', () => {
    for (const p of ['<all_urls>', '*://mail.google.com/*', 'https://mail.google.com/mail/*', 'https://*/*']) {
      expect(() => hostMatcher(p)).toThrow(/reads only/);
    }
  });
});
