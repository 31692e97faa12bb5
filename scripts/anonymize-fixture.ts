import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parserFor, parsers } from '../src/parsers/index';
import { anonymize, leaks } from '../test/support/fixtures/anonymize';
import { readDiagnostic } from '../test/support/fixtures/diagnostic';
import { htmlDocument, readPage } from '../test/support/fixtures/page';

/**
 * Turns a real saved page, or a diagnostic a user copied from the panel (src/parsers/skeleton.ts),
 * into a parser fixture (test/support/fixtures/anonymize.ts): writes
 * `src/parsers/<site>/fixtures/<date>-<name>.html` and a draft `.expected.json` of what the
 * parsers read on it. It refuses, writing nothing, when anything of the real page's people is
 * still in the output: real pages hold real people's data and must never be committed.
 */

const USAGE = `usage: npm run fixture:anonymize -- <saved.html | diagnostic.txt> <site> <yyyy-mm-dd> --url <page url> --name <scenario>
         --source "<owner/repo>:<path>@<commit>" [--seed <seed>, default <date>-<name>] [--out <dir>]
  site: ${parsers.map((p) => p.id).join(', ')}; --out writes somewhere other than the site's fixtures folder (for trials).
  A diagnostic copied from Clyde's panel needs no --url (it names the page) and takes any --source ("issue 42").`;

class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      name: { type: 'string' },
      source: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [file, site, date, ...extra] = positionals;
  if (!file || !site || !date || extra.length > 0 || !values.name || !values.source) refuse('missing arguments');
  const input = readFileSync(file, 'utf8');
  const diagnostic = readDiagnostic(input);
  const url = values.url ?? diagnostic?.url;
  if (!url) refuse('missing --url (a saved page does not say where it was)');
  if (!parsers.some((p) => p.id === site)) refuse(`unknown site "${site}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) refuse(`bad date "${date}"`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.name)) refuse(`bad scenario name "${values.name}" (lower-case letters, digits, hyphens)`);
  const source = diagnostic ? `a diagnostic (${values.source})` : values.source;
  if (!diagnostic && !/^[\w.-]+\/[\w.-]+:[^\n]+@[0-9a-f]{7,40}$/.test(values.source))
    refuse(`bad --source "${values.source}" (owner/repo:path@commit)`);
  if (/\n/.test(values.source)) refuse('bad --source (one line)');
  if (!URL.canParse(url)) refuse(`bad --url "${url}"`);
  // A page must be served where its parser reads it; generic, chosen by no URL, where no site parser does.
  const chosen = parserFor(new URL(url))?.id;
  if (site === 'generic' ? chosen !== undefined : chosen !== site) refuse(`the ${site} parser does not read ${url}`);
  const html = diagnostic?.html ?? input;
  return {
    html,
    fromDiagnostic: diagnostic !== undefined,
    inputLength: input.length,
    site,
    date,
    url,
    name: values.name,
    source,
    seed: values.seed ?? `${date}-${values.name}`,
    out: values.out,
  };
}

function main(): void {
  const o = options();
  const result = anonymize(o.html, { url: o.url, seed: o.seed, source: o.source, captured: o.date });
  const served = `<a href="${result.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></a>`;
  // A diagnostic's words are masks already (`xxxxx-xxxx`): one left in place names no one.
  const isMask = (s: string) => o.fromDiagnostic && !/[^xX0\W_]/.test(s);
  const left = [...leaks(result.html, result.identities), ...leaks(served, result.identities)].filter((s) => !isMask(s));
  if (left.length > 0) refuse(`the output still holds ${left.length} identities of the input: ${left.slice(0, 10).join(', ')}`);

  const dir = o.out ?? join('src/parsers', o.site, 'fixtures');
  const html = join(dir, `${o.date}-${o.name}.html`);
  const expected = join(dir, `${o.date}-${o.name}.expected.json`);
  for (const path of [html, expected]) if (existsSync(path)) refuse(`${path} exists; delete it first`);
  const page = readPage(htmlDocument(result.html), new URL(result.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(html, result.html);
  writeFileSync(expected, `${JSON.stringify({ url: result.url, expected: page }, null, 2)}\n`);

  console.log(`wrote ${html} (${result.html.length} characters, input ${o.inputLength})`);
  console.log(`wrote ${expected}`);
  console.log(JSON.stringify(page, null, 2));
  console.log('\nA human must check the expected person above against the page before this is committed.');
}

try {
  main();
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`anonymize-fixture: ${error.message}\n${USAGE}`);
  process.exitCode = 1;
}
