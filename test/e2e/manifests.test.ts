import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

/**
 * The built manifests, whole, against a committed copy: a permission, host, content script, CSP,
 * web-accessible resource, command or data-collection line that changes shows up in review as a
 * change to manifests.snapshot.json (`npx vitest run --project e2e -u manifests` after a build
 * rewrites it). Only the version is left out, so a release bump needs no review here.
 *
 * Reads what `npm run test:e2e` built: `npm run zip` builds both browsers before the e2e tests.
 */
const SNAPSHOT = './manifests.snapshot.json';

function built(dir: string): Record<string, unknown> {
  const { version: _version, ...manifest } = JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Record<string, unknown>;
  return manifest;
}

describe('the built manifests', () => {
  it('are the reviewed ones, for Chrome and Firefox', async () => {
    const manifests = { chrome: built('chrome-mv3'), firefox: built('firefox-mv3') };
    // In the house style, so `prettier --check` passes on the file the snapshot writes.
    const text = await format(JSON.stringify(manifests, null, 2), { ...(await resolveConfig(import.meta.filename)), parser: 'json' });
    await expect(text).toMatchFileSnapshot(SNAPSHOT);
  });
});
