import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every entrypoint's `browser` is Mozilla's webextension-polyfill (wxt.config.ts's module), in both
 * builds: the background, both content scripts, and each page with the modules it loads. The
 * polyfill announces itself with an error it throws outside an extension; its text marks it in a
 * bundle. Reads what `npm run test:e2e` built (`npm run zip` builds both browsers first).
 */
const MARK = 'This script should only be loaded in a browser extension.';
const PAGES = ['panel', 'sidepanel', 'options', 'home', 'welcome'];

/** The modules a file pulls in, followed through its static and dynamic imports of sibling chunks. */
function loaded(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, rel] of code.matchAll(/(?:from|import)\s*\(?\s*"\.\/([\w.-]+\.js)"/g)) loaded(dir, join('chunks', rel!), seen);
  return seen;
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (build) => {
  const dir = join('.output', build);
  const has = (files: Iterable<string>) => [...files].some((f) => readFileSync(join(dir, f), 'utf8').includes(MARK));

  it.each(['background.js', 'content-scripts/mail.js', 'content-scripts/social.js'])('%s uses the polyfill', (file) => {
    expect(existsSync(join(dir, file))).toBe(true);
    expect(has([file])).toBe(true);
  });

  it.each(PAGES)('the %s page loads the polyfill', (page) => {
    const html = readFileSync(join(dir, `${page}.html`), 'utf8');
    const entry = /<script type="module"[^>]*src="\/(chunks\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, `${page}.html has a module script`).toBeDefined();
    expect(has(loaded(dir, entry!))).toBe(true);
  });
});
