// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../test/support/fixtures/page';
import { parsePage, parserFor, parsers } from './index';
import { PageContextSchema, type PageContext } from './schema';

/**
 * Every fixture, parsed at the URL it was captured from, must give exactly its expected context.
 * Fixtures: `<site>/fixtures/<yyyy-mm-dd>-<scenario>.html` + `.expected.json` ({ url, expected }).
 */

const here = dirname(fileURLToPath(import.meta.url));
const siteFolders = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory());

interface Fixture {
  site: string;
  name: string;
  html: string;
  url: string;
  expected: PageContext | null;
}

function loadFixtures(site: string): Fixture[] {
  const dir = join(here, site, 'fixtures');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const { url, expected } = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        url: string;
        expected: PageContext | null;
      };
      return { site, name: file.replace(/\.html$/, ''), html: readFileSync(join(dir, file), 'utf8'), url, expected };
    });
}

const fixtures = siteFolders.flatMap(loadFixtures);
const byId = (site: string) => parsers.find((p) => p.id === site);
/**
 * Through `parsePage`, as a content script would; a parser chosen by no URL (generic) is called
 * directly. The document is happy-dom's, from a window that loads nothing (real pages hold frames
 * and style sheets) and reports nothing it did not load.
 */
const parse = (f: Fixture) => {
  const doc = htmlDocument(f.html);
  const parser = byId(f.site);
  return parser && parser.matches.length === 0 ? parser.parse(doc, new URL(f.url)) : parsePage(doc, new URL(f.url));
};
const isNegative = (expected: PageContext | null) => expected === null || expected.people.length === 0;

// Real pages are large (up to 700 KB): a busy 2-core machine takes seconds for one; the default 5 s is too tight.
describe('fixtures', { timeout: 30_000 }, () => {
  it.each(fixtures.map((f) => [`${f.site}/${f.name}`, f] as const))('%s', (_, fixture) => {
    const out = parse(fixture);
    expect(out).toEqual(fixture.expected);
    // The content scripts check only the caps (caps.ts); the rest of the schema holds here.
    if (out) expect(PageContextSchema.safeParse(out).error?.issues).toBeUndefined();
  });
});

describe('parser conventions', () => {
  it('registers every parser folder in index.ts, with id = folder name', () => {
    expect(parsers.map((p) => p.id).sort()).toEqual([...siteFolders].sort());
  });

  it.each(siteFolders)('%s has dated fixtures, each with an expectation, served at a URL the parser matches', (site) => {
    const dir = join(here, site, 'fixtures');
    const files = readdirSync(dir);
    const parser = byId(site);
    // A parser with no match patterns is only ever called explicitly: no URL may select it.
    const chosenByUrl = parser?.matches.length === 0 ? undefined : parser;
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.(html|expected\.json)$/);
      const twin = file.endsWith('.html') ? file.replace(/\.html$/, '.expected.json') : file.replace(/\.expected\.json$/, '.html');
      expect(files, `${file} has no twin`).toContain(twin);
    }
    for (const fixture of loadFixtures(site)) {
      expect(parserFor(new URL(fixture.url)), fixture.name).toBe(chosenByUrl);
      if (fixture.expected) expect(fixture.expected.url).toBe(new URL(fixture.url).href);
    }
  });

  it.each(siteFolders)('%s has at least one positive and one negative fixture', (site) => {
    const expectations = loadFixtures(site).map((f) => f.expected);
    expect(expectations.some((e) => !isNegative(e))).toBe(true);
    expect(expectations.some(isNegative)).toBe(true);
  });

  it('returns null for pages no parser covers', () => {
    const doc = new DOMParser().parseFromString('<span email="ana.lima@example.com">Ana</span>', 'text/html');
    expect(parsePage(doc, new URL('https://example.com/mail/u/0/#inbox'))).toBeNull();
  });
});
