// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePage, parserFor } from '../index';
import { MAX_PEOPLE } from '../caps';
import { generic } from './index';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const url = new URL('https://example.com/people/ana');

describe('generic', () => {
  it('is never chosen by URL', () => {
    const doc = page('<a href="mailto:ana@example.com">Ana</a>');
    for (const u of ['https://example.com/', 'https://github.com/ana', 'http://localhost/', 'file:///tmp/a.html']) {
      expect(parserFor(new URL(u))).toBeUndefined();
      expect(parsePage(doc, new URL(u))).toBeNull();
    }
    expect(generic.parse(doc, url)?.people).toEqual([{ role: 'profile', email: 'ana@example.com' }]);
  });

  it('reads an Open Graph profile with no other structured data', () => {
    const head =
      '<meta property="og:type" content="profile"><meta property="og:url" content="https://example.com/u/ana">' +
      '<meta property="profile:first_name" content="Ana"><meta property="profile:last_name" content="Lima">';
    expect(generic.parse(page('', head), url)?.people).toEqual([
      { role: 'profile', name: 'Ana Lima', profileUrl: 'https://example.com/u/ana' },
    ]);
  });

  it('drops non-https profile URLs and never reports avatars or handles', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'Person',
      name: 'Ana',
      email: 'ana@example.com',
      url: 'javascript:alert(1)',
      image: 'https://example.com/a.jpg',
      additionalName: 'ana',
    })}</script>`;
    expect(generic.parse(page('', ld), url)?.people).toEqual([{ role: 'profile', name: 'Ana', email: 'ana@example.com' }]);
  });

  it("reads an h-card's own properties, not those of an h-card nested in it", () => {
    const body =
      '<div class="h-card"><span class="p-name">Ana Lima</span><a class="u-url" href="https://ana.example/">site</a>' +
      '<span class="p-org h-card"><span class="p-name">Northwind</span><a class="u-url" href="https://northwind.example/">nw</a></span></div>';
    const people = generic.parse(page(body), url)?.people;
    expect(people?.[0]).toEqual({ role: 'profile', name: 'Ana Lima', profileUrl: 'https://ana.example/', company: 'Northwind' });
  });

  it('merges mentions of one person and keeps at most MAX_PEOPLE', () => {
    const links = Array.from({ length: 300 }, (_, i) => `<a href="mailto:p${i % 120}@example.com">x</a>`).join('');
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name: 'P Seven', email: 'P7@Example.com' })}</script>`;
    const people = generic.parse(page(links, ld), url)?.people ?? [];
    expect(people).toHaveLength(MAX_PEOPLE);
    expect(people[0]).toEqual({ role: 'profile', name: 'P Seven', email: 'P7@example.com' });
    expect(people.filter((p) => p.email?.toLowerCase() === 'p7@example.com')).toHaveLength(1);
  });
});
