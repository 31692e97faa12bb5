import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app';
import { inviteLink, issueInvite } from '../../../server/invites';
import { createSqliteStore } from '../../../server/store/sqlite';
import type { SyncStore } from '../../../server/store/types';
import type { ClydeDB } from '../../../src/storage/db';
import { writeRecord } from '../../../src/storage/records/write';
import type { Fetch } from '../../../src/sync/client/api';
import { startSyncService, SYNC_ALARM, type SyncService } from '../../../src/sync/client/service';
import { getMeta } from '../../../src/sync/client/state';
import { errorText, retryText } from '../../../src/ui/sync/status-text';
import { freshClientDb } from '../../support/db';
import { joinWith } from '../../support/sync-client';

/**
 * A client syncing with the real server whose SQLite file cannot grow (the page limit gives the
 * SQLITE_FULL a full disk gives): the server answers 507, the client keeps its changes, backs off
 * and says when it tries again, and gets them through once there is room.
 */
let dir: string;
let store: SyncStore;
let sqlite: Database.Database;
let fetch: Fetch;
let db: ClydeDB;
let service: SyncService;
const timers: { fn: () => void; ms: number }[] = [];
const alarms = new Set<(name: string) => void>();
const pushes: number[] = [];
let logged: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clyde-full-'));
  store = createSqliteStore({ dataDir: dir, configure: (d) => (sqlite = d) });
  await store.migrate();
  const app = createApp({ store, limits: false });
  const { id: teamId } = await store.createTeam('Team', Date.now());
  const { code } = await issueInvite(store, Date.now(), {
    teamId,
    role: 'member',
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: Date.now() + 60_000,
  });
  fetch = async (url, init) => {
    const res = await app.request(url, init);
    if (new URL(url).pathname === '/v1/sync/push') pushes.push(res.status);
    return res;
  };
  ({ db } = freshClientDb());
  await joinWith(db, inviteLink('https://sync.test', code), fetch);
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  service.stop();
  db.close();
  logged.mockRestore();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  timers.length = 0;
  pushes.length = 0;
  alarms.clear();
});

function start() {
  service = startSyncService({
    db,
    // The event stream never answers: only rounds, timers and alarms drive this test.
    fetch: (url, init) => (new URL(url).pathname === '/v1/sync/events' ? new Promise<Response>(() => undefined) : fetch(url, init)),
    random: () => 0.5,
    host: {
      createAlarm: () => undefined,
      onAlarm: (l) => (alarms.add(l), () => alarms.delete(l)),
      withLock: (_name, fn) => fn(),
    },
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return () => void timers.splice(timers.findIndex((t) => t.fn === fn) >>> 0, 1);
    },
  });
}

const fill = () => sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
const free = () => sqlite.pragma('max_page_count = 1073741823');
const status = () => getMeta(db, 'syncStatus');

describe('sync with a full server disk', () => {
  it('keeps the changes, says the server is full and when it tries again, backs off, and sends them once there is room', async () => {
    fill();
    // About 200 KB of notes, more than the free pages of the server's file.
    for (let i = 0; i < 100; i++) {
      await writeRecord(
        db,
        'notes',
        `n${i}`,
        { personId: 'p1', kind: 'note', body: `${i} ${'x'.repeat(1_900)}`, occurredAt: 1, scope: 'team' },
        { create: true },
      );
    }
    const before = Date.now();
    start();
    // The stored account and the pending changes each ask for a round at start: two pushes, both refused.
    await vi.waitFor(() => expect(pushes).toEqual([507, 507]));
    await service.idle();
    const refused = pushes.length;
    expect(timers).toHaveLength(1);
    const failed = await status();
    expect(failed?.lastError?.code).toBe('STORAGE_FULL');
    expect(failed?.pending).toBe(100);
    expect(failed?.retryAt).toBeGreaterThanOrEqual(before + timers[0]!.ms);
    expect(`${errorText(failed!.lastError!)} ${retryText(failed!.retryAt, Date.now())}`).toMatch(
      /^The team server is out of disk space\. Your changes are kept here .* Next try within a minute\.$/,
    );
    expect(await db.outbox.where('state').equals('pending').count()).toBe(100);

    // The periodic alarm does not cut the backoff short.
    alarms.forEach((l) => l(SYNC_ALARM));
    await service.idle();
    expect(pushes).toHaveLength(refused);

    // The planned retry fails again and waits longer.
    const first = timers.shift()!;
    first.fn();
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    await service.idle();
    expect(pushes).toEqual(Array(refused + 1).fill(507));
    expect(timers[0]!.ms).toBeGreaterThan(first.ms);

    free();
    timers.shift()!.fn();
    await vi.waitFor(async () => expect(await db.outbox.where('state').equals('pending').count()).toBe(0));
    await service.idle();
    expect(pushes).toEqual([...Array(refused + 1).fill(507), 200]);
    const ok = await status();
    expect(ok?.lastError).toBeUndefined();
    expect(ok?.retryAt).toBeUndefined();
    expect(ok?.lastSyncAt).toBeGreaterThanOrEqual(before);
    expect(timers).toEqual([]);
  });
});
