import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { writeRecord } from '../../../src/storage/records/write';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta } from '../../../src/sync/client/state';
import { errorText } from '../../../src/ui/sync/status-text';
import { freshClientDb } from '../../support/db';
import { injectQuotaFaults } from '../../support/storage-faults';
import { apiFor, joinWith } from '../../support/sync-client';
import { startSimServer, type SimServer } from '../sim/server';

const opts = { now: () => Date.now() };
let server: SimServer;
const dbs: ClydeDB[] = [];
beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await server.close();
});

describe('sync into a full browser disk', () => {
  it('keeps nothing half-written, says what to do, and catches up once there is room', async () => {
    const { db: a } = freshClientDb();
    const { db: b } = freshClientDb();
    dbs.push(a, b);
    await joinWith(a, await server.invite(), server.fetch);
    await joinWith(b, await server.invite(), server.fetch);
    for (let i = 0; i < 5; i++) await writeRecord(a, 'people', `p${i}`, { name: `Person ${i}`, scope: 'team' }, { create: true });
    await syncOnce(a, await apiFor(a, server.fetch), opts);

    const faults = injectQuotaFaults(b);
    b.close();
    await b.open();
    // The records and the server state do not fit; the small status row still does.
    faults.fill('commit', ['people', 'srv']);
    await expect(syncOnce(b, await apiFor(b, server.fetch), opts)).rejects.toThrow();
    expect(faults.refused()).toBeGreaterThan(0);
    const status = await getMeta(b, 'syncStatus');
    expect(status?.lastError?.code).toBe('LOCAL_STORAGE_FULL');
    expect(errorText(status!.lastError!)).toMatch(/^This browser has no storage space left for Clyde.*Free up disk space/);
    expect(await b.people.count()).toBe(0);
    expect(await b.srv.count()).toBe(0);
    expect(await getMeta(b, 'cursor')).toBeUndefined();

    faults.free();
    await syncOnce(b, await apiFor(b, server.fetch), opts);
    expect((await b.people.toArray()).map((p) => p.name).sort()).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4']);
    expect((await getMeta(b, 'syncStatus'))?.lastError).toBeUndefined();
  });
});
