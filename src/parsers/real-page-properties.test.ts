import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedFixtures, fromRealPage } from '../../test/support/fixtures/committed';
import { htmlDocument, pageWindow } from '../../test/support/fixtures/page';
import { canonicalAddress } from './address';
import { parsePage } from './index';
import { canonicalUrl, routeOf as linkedinRoute } from './linkedin/route';
import { MAX_PEOPLE } from './caps';
import { PageContextSchema, type PageContext } from './schema';
import { routeOf as xRoute } from './x/route';

/**
 * The fixtures taken from real pages, damaged at random the way a site's next deploy or a page
 * still rendering damages them: elements gone, hidden, or holding other text and attributes.
 * Whatever the damage, each parser answers a schema-valid context or null, the same twice, and
 * never names the wrong person: on LinkedIn and X the profile is always the one the URL names, and
 * in mail the signed-in user is never a correspondent.
 */

const real = committedFixtures().filter(fromRealPage);

const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('ana@example.com', 'Ana Lima <ana@example.com>', '· 1st', '@helenaprado', '\u202Egpj.exe', '', 'Contact info'),
);
interface Damage {
  at: number;
  kind: 'remove' | 'hide' | 'text' | 'attribute';
  text: string;
  attribute: string;
}
const damage: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('remove', 'hide', 'text', 'attribute'),
  text: anyText,
  attribute: fc.constantFrom('title', 'aria-label', 'href', 'email', 'data-testid', 'style'),
});

function damaged(doc: Document, damages: readonly Damage[]): Document {
  for (const { at, kind, text, attribute } of damages) {
    const all = doc.body?.querySelectorAll('*');
    const el = all && all.length > 0 ? all[at % all.length] : undefined;
    if (!el) continue;
    if (kind === 'remove') el.remove();
    else if (kind === 'hide') el.setAttribute('hidden', '');
    else if (kind === 'text') el.textContent = text;
    else el.setAttribute(attribute, text);
  }
  return doc;
}

function expectRightPeople(out: PageContext | null, url: URL): void {
  if (out === null) return;
  expect(PageContextSchema.safeParse(out).success).toBe(true);
  expect(out.people.length).toBeLessThanOrEqual(MAX_PEOPLE);
  const linkedin = linkedinRoute(url);
  if (linkedin && out.people[0] && !linkedin.slug.startsWith('ACo')) expect(out.people[0].profileUrl).toBe(canonicalUrl(linkedin));
  const x = xRoute(url);
  for (const person of x ? out.people : []) {
    expect(person.handle).toBe(x?.handle);
    expect(person.handle).not.toBe(out.self?.handle);
  }
  const self = out.self?.email && canonicalAddress(out.self.email);
  if (self) for (const person of out.people) expect(person.email && canonicalAddress(person.email)).not.toBe(self);
}

describe('real pages, damaged at random', () => {
  it('covers a real page of every site', () => {
    expect(new Set(real.map((f) => f.site))).toEqual(new Set(['gmail', 'linkedin', 'outlook', 'x']));
  });

  it.each(real.map((f) => [f.name, f] as const))('%s', { timeout: 60_000 }, async (_, { html, url: href }) => {
    const url = new URL(href);
    // A window of its own, closed after: happy-dom keeps every document a window made.
    const window = pageWindow();
    try {
      fc.assert(
        fc.property(fc.array(damage, { minLength: 1, maxLength: 12 }), (damages) => {
          const doc = damaged(htmlDocument(html, window), damages);
          const out = parsePage(doc, url);
          expectRightPeople(out, url);
          expect(parsePage(doc, url)).toEqual(out);
        }),
        { numRuns: 10 },
      );
    } finally {
      await window.happyDOM.close();
    }
  });
});
