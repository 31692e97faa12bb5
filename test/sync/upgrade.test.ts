import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseImage } from '../../scripts/upgrade-fixtures/idb-dump';
import { createApp } from '../../server/app';
import { createSqliteStore } from '../../server/store/sqlite';
import type { SyncStore } from '../../server/store/types';
import { ClydeDB } from '../../src/storage/db';
import { getMeta } from '../../src/storage/keys';
import { ENTITY_SCHEMAS } from '../../src/storage/schema';
import { createSyncApi, type Fetch } from '../../src/sync/client/api';
import { syncOnce } from '../../src/sync/client/runner';
import { VIEW_ENTITIES } from '../../src/sync/client/state';
import { isErased } from '../../src/sync/erase';
import { PullResponseSchema, SCHEMA_VERSION } from '../../src/sync/protocol';
import { toRecord } from '../../src/sync/view';
import { fixturePath, frozenReleases, readFixtureJson, restoreImage } from '../support/upgrade-fixtures';

/**
 * The frozen laptop was joined to the frozen SQLite server and left with edits still in its
 * outbox. With both upgraded, one sync round must carry those edits over and leave the laptop
 * showing exactly what the server holds for its user: nothing typed before the update is lost.
 */
describe.each(frozenReleases())('a device and its server frozen with %s, both upgraded', (release) => {
  let db: ClydeDB | undefined;
  let store: SyncStore | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    db?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sync carries the pending edits over and the device shows what the server holds', async () => {
    const indexedDB = new IDBFactory();
    const image = readFixtureJson<DatabaseImage>(release, 'extension-db.json');
    await restoreImage(indexedDB, image);
    db = new ClydeDB(image.name, { indexedDB, IDBKeyRange });
    dir = mkdtempSync(join(tmpdir(), 'clyde-upgrade-'));
    copyFileSync(fixturePath(release, 'server.sqlite'), join(dir, 'clyde.sqlite'));
    store = createSqliteStore({ dataDir: dir });
    await store.migrate();
    const app = createApp({ store, limits: false });
    const fetch: Fetch = async (url, init) => app.request(url, init);
    const account = (await getMeta(db, 'account'))!;
    const device = (await getMeta(db, 'device'))!;

    const pending = await db.outbox.where('state').equals('pending').toArray();
    const refused = await db.rejected.count();
    expect(pending.length).toBeGreaterThan(0);
    const result = await syncOnce(db, createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch }), { now: Date.now });
    expect(result.pushed).toBe(pending.length);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejected.count()).toBe(refused);

    const query = new URLSearchParams({ cursor: '0', clientId: device.clientId, schemaVersion: String(SCHEMA_VERSION), limit: '5000' });
    const res = await app.request(`/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${account.token}` } });
    const { rows } = PullResponseSchema.parse(await res.json());
    for (const op of pending) {
      const row = rows.find((r) => r.entity === op.entity && r.id === op.id);
      for (const [field, value] of Object.entries(op.set)) {
        if (field !== 'scope' && field !== 'ownerId') expect(row?.values[field], `${op.entity}/${op.id}.${field}`).toStrictEqual(value);
      }
    }
    for (const entity of VIEW_ENTITIES) {
      // An erased record (deleted, not merged) is a bare tombstone the view leaves out (sync/erase.ts).
      const shown = rows.filter((r) => r.entity === entity && !isErased(entity, r.values));
      const expected = shown.map((r) => ENTITY_SCHEMAS[entity].parse(toRecord(r)));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(((await db.table(entity).toArray()) as { id: string }[]).sort(byId), entity).toStrictEqual(expected.sort(byId));
    }
  });
});
