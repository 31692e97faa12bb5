import { existsSync, readFileSync } from 'node:fs';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';

/**
 * Mozilla's addons-linter, the one AMO runs on every upload, on the Firefox zip `npm run zip`
 * wrote. No error may appear; each warning is either fixed or listed with its reason in
 * docs/addons-linter-warnings.json, and the list must match what the linter says now both ways:
 * a new warning fails until someone reviews it, and a gone one fails until it is struck off.
 */
interface Listed {
  code: string;
  file: string;
  count: number;
  reason: string;
}

// This version's zip, named as WXT names it: .output may still hold zips of earlier versions.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const zip = `.output/clyde-${version}-firefox.zip`;

/** Chunk and asset names carry a content hash that changes with any edit; the list names them without it. */
const unhashed = (file = '') => file.replace(/^((?:chunks|assets)\/.+)-[\w-]{8}(\.\w+)$/, '$1$2');

describe('addons-linter on the Firefox zip', () => {
  it('finds no error, and only the reviewed warnings', async () => {
    expect(existsSync(zip), `no ${zip}: run \`npm run zip\` first`).toBe(true);
    const result = await linter
      .createInstance({
        // As web-ext lint and AMO's upload run it for a listed MV3 add-on with a data-collection declaration.
        config: { _: [zip], output: 'none', logLevel: 'fatal', selfHosted: false, enableDataCollectionPermissions: true },
        runAsBinary: false,
      })
      .run();
    expect(result.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);

    const found = new Map<string, number>();
    for (const w of result.warnings) {
      const key = `${w.code} ${unhashed(w.file)}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    const { warnings } = JSON.parse(readFileSync('docs/addons-linter-warnings.json', 'utf8')) as { warnings: Listed[] };
    for (const w of warnings) expect(w.reason.trim().length, `${w.code} ${w.file} has no reason`).toBeGreaterThan(20);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(warnings.map((w) => [`${w.code} ${w.file}`, w.count])));
  });
});
