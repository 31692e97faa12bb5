import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * Every load of a supported page pays for its content script, so each has a budget: 15 KB gzipped
 * plus what the webextension-polyfill costs (#16 point 9), capped at 16 KB. `npm run bench -- sizes`
 * prints the figures. zod stays out of them: it alone would take a content script over (caps.ts),
 * and the background checks the schema as a context arrives. Reads what `npm run test:e2e` built.
 */
const CAP = 16 * 1024;
/** Each zod schema class is named by a string, which minifying keeps. */
const ZOD_MARK = '$ZodType';

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (build) => {
  it.each(['mail', 'social'])(`%s.js is at most ${CAP} B gzipped and bundles no zod`, (name) => {
    const code = readFileSync(join('.output', build, 'content-scripts', `${name}.js`));
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(CAP);
    expect(code.includes(ZOD_MARK)).toBe(false);
  });
});
