import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PageContext } from '../../src/parsers/schema';

/** A parser fixture, to be served at the URL it was captured from. */
export interface Fixture {
  html: string;
  url: string;
  expected: PageContext | null;
}

export function fixture(site: string, name: string): Fixture {
  const dir = join('src/parsers', site, 'fixtures');
  const file = readdirSync(dir).find((f) => f.replace(/^\d{4}-\d{2}-\d{2}-/, '') === `${name}.html`);
  if (!file) throw new Error(`No ${site} fixture named *${name}.html in ${dir}`);
  const html = readFileSync(join(dir, file), 'utf8');
  const { url, expected } = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Omit<Fixture, 'html'>;
  return { html, url, expected };
}
