import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { writeRecord } from '../../../src/storage/records/write';
import { startSimServer, type SimServer } from '../sim/server';
import type { Fetch } from '../../../src/sync/client/api';
import { search } from '../../../src/storage/search/search';
import { INDEX_LOCK, startSyncService, SYNC_ALARM, SYNC_LOCK, type ServiceHost, type SyncService } from '../../../src/sync/client/service';
import { getMeta } from '../../../src/sync/client/state';
import { freshClientDb } from '../../support/db';
import { joinWith } from '../../support/sync-client';

/** A host whose alarms and timers the test fires by hand. */
function fakeHost() {
  const alarms = new Set<(name: string) => void>();
  const created: string[] = [];
  const held = new Set<string>();
  const host: ServiceHost = {
    createAlarm: (name) => void created.push(name),
    onAlarm: (l) => (alarms.add(l), () => alarms.delete(l)),
    async withLock(name, fn) {
      held.add(name);
      try {
        await fn();
      } finally {
        held.delete(name);
      }
    },
  };
  return {
    host,
    created,
    /** The locks held right now. */
    held,
    fireAlarm: (name = SYNC_ALARM) => alarms.forEach((l) => l(name)),
  };
}

let server: SimServer;
const open: { db: ClydeDB; service?: SyncService }[] = [];

beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.service?.stop();
    o.db.close();
  }
  await server.close();
});

async function device(fetch: Fetch = server.fetch, beforeStart?: (db: ClydeDB, fake: ReturnType<typeof fakeHost>) => void) {
  const { db } = freshClientDb();
  await joinWith(db, await server.invite(), server.fetch);
  const fake = fakeHost();
  beforeStart?.(db, fake);
  const timers: { fn: () => void; ms: number }[] = [];
  const service = startSyncService({
    db,
    fetch,
    host: fake.host,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return () => timers.splice(timers.findIndex((t) => t.fn === fn) >>> 0, 1);
    },
  });
  open.push({ db, service });
  return { db, service, timers, ...fake };
}

const sharedNote = (db: ClydeDB, body: string) =>
  writeRecord(db, 'notes', crypto.randomUUID(), { personId: 'p1', kind: 'note', body, occurredAt: 1, scope: 'team' }, { create: true });

describe('sync service', () => {
  it('creates the periodic alarm and pushes local writes without being asked', async () => {
    const a = await device();
    expect(a.created).toEqual([SYNC_ALARM]);
    await sharedNote(a.db, 'hello');
    await vi.waitFor(async () => expect(await a.db.outbox.where('state').equals('pending').count()).toBe(0));
    await a.service.idle();
    expect((await getMeta(a.db, 'syncStatus'))?.lastSyncAt).toBeDefined();
  });

  it('a teammate hears about a push through the event stream and pulls it', async () => {
    const a = await device();
    const b = await device();
    const note = await sharedNote(a.db, 'poked');
    await vi.waitFor(async () => expect((await b.db.notes.get(note.id))?.body).toBe('poked'), { timeout: 5000 });
  });

  it('derives a big pull after the round: search under a lock of its own, so rounds go on meanwhile, then Home', async () => {
    const a = await device();
    // Search shows notes of people it knows: the notes are about p1.
    await writeRecord(a.db, 'people', 'p1', { name: 'Grove', scope: 'team' }, { create: true });
    for (let i = 0; i < 220; i++) await sharedNote(a.db, `Order kumquat${i}`);
    await vi.waitFor(async () => expect(await a.db.outbox.where('state').equals('pending').count()).toBe(0), { timeout: 10_000 });
    await a.service.idle();

    // Each queue's rows go once what they stood for is derived: which queue, and the locks held
    // then, in order (a run of rows deleted together counted once).
    const derived: string[] = [];
    const drained = (queue: string, held: Set<string>) => {
      const step = `${queue} under ${[...held].join(', ')}`;
      if (derived.at(-1) !== step) derived.push(step);
    };
    const b = await device(server.fetch, (db, fake) => {
      db.wordQueue.hook('deleting', () => drained('words', fake.held));
      db.summaryQueue.hook('deleting', () => drained('summaries', fake.held));
    });
    await vi.waitFor(async () => expect(await b.db.notes.count()).toBe(220), { timeout: 10_000 });
    await b.service.idle();
    expect(await b.db.wordQueue.count()).toBe(0);
    expect((await search(b.db, 'kumquat219')).map((r) => r.kind)).toEqual(['notes']);
    expect(await b.db.summaryQueue.count()).toBe(0);
    expect((await b.db.summaries.get('p1'))?.team).toHaveLength(3);
    expect(derived).toEqual([`words under ${INDEX_LOCK}`, `summaries under ${SYNC_LOCK}`]);
    // 440 writes and a pull of 220 records; on two busy cores that can pass the 5 s default.
  }, 20_000);

  // `sync/now` reaches `wake` through the background's router (src/background/router.test.ts).
  it('runs a round on the alarm and on wake, and ignores other alarms', async () => {
    let calls = 0;
    const counting: Fetch = (url, init) => {
      if (new URL(url).pathname === '/v1/sync/pull') calls++;
      return server.fetch(url, init);
    };
    const a = await device(counting);
    await vi.waitFor(() => expect(calls).toBeGreaterThan(0));
    await a.service.idle();
    const before = calls;
    a.fireAlarm('someone-elses-alarm');
    await a.service.idle();
    expect(calls).toBe(before);
    a.service.wake();
    await a.service.idle();
    expect(calls).toBe(before + 1);
    a.fireAlarm();
    await a.service.idle();
    expect(calls).toBe(before + 2);
  });

  it('backs off after a network failure and stops retrying on 401 until something changes', async () => {
    let mode: 'down' | 'unauthorized' = 'down';
    const failing: Fetch = async (url) =>
      new URL(url).pathname === '/v1/sync/events'
        ? new Promise<Response>(() => undefined)
        : mode === 'down'
          ? Promise.reject(new TypeError('offline'))
          : new Response(JSON.stringify({ code: 'UNAUTHORIZED', message: 'Missing, unknown or revoked token.' }), { status: 401 });
    const a = await device(failing);
    await vi.waitFor(() => expect(a.timers.length).toBe(1));
    const first = a.timers[0]!.ms;
    a.timers.shift()!.fn();
    await a.service.idle();
    expect(a.timers.at(-1)!.ms).toBeGreaterThan(first);
    mode = 'unauthorized';
    a.timers.shift()!.fn();
    await a.service.idle();
    expect(a.timers).toEqual([]);
    expect((await getMeta(a.db, 'syncStatus'))?.lastError?.code).toBe('UNAUTHORIZED');
  });
});
