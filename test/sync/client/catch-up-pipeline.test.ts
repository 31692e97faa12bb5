import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { search } from '../../../src/storage/search/search';
import { buildWordIndex } from '../../../src/storage/search/search-index';
import { buildSummaries } from '../../../src/storage/summaries/upkeep';
import { writeRecord } from '../../../src/storage/records/write';
import type { Fetch } from '../../../src/sync/client/api';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta } from '../../../src/sync/client/state';
import { apiFor } from '../../support/sync-client';
import { injectQuotaFaults } from '../../support/storage-faults';
import { simSuite } from '../../support/sim-suite';

/**
 * The fast paths of a big catch-up (pull.ts, view.ts `prederive`, search-index.ts `indexQueued`):
 * the state a page is applied over is carried from page to page and checked in its transaction,
 * the next page is derived before its transaction, and search indexes several pages at once.
 * Each must leave exactly what the plain way leaves.
 */

const sim = simSuite();
const { member } = sim;

// Pages of 200 rows: the least a page must have for its search indexing to be left for later.
const sync = async (db: ClydeDB, fetch: Fetch = sim.server.fetch) =>
  syncOnce(db, await apiFor(db, fetch), { now: () => Date.now(), pullLimit: 200 });

/** 240 people: 840 records, five pages, four of them indexed later in two transactions. */
const PEOPLE = 240;

/** `n` shared people with two notes each, a task for every other one: records for words and summaries. */
async function team(a: ClydeDB, n: number) {
  for (let i = 0; i < n; i++) {
    await writeRecord(a, 'people', `p-${i}`, { name: `Person ${i}`, company: `Firm ${i % 3}`, scope: 'team' }, { create: true });
    for (const k of [0, 1]) {
      const body = `Talked about order ${i}-${k} and the kumquat${i} harvest`;
      await writeRecord(
        a,
        'notes',
        `n-${i}-${k}`,
        { personId: `p-${i}`, kind: 'note', body, occurredAt: 1000 * i + k, scope: 'team' },
        { create: true },
      );
    }
    if (i % 2 === 0) {
      await writeRecord(
        a,
        'tasks',
        `t-${i}`,
        { personId: `p-${i}`, title: `Call ${i}`, due: 86_400_000 * (i + 1), done: false, scope: 'team' },
        { create: true },
      );
    }
  }
  await syncOnce(a, await apiFor(a, sim.server.fetch), { now: () => Date.now() });
}

/** A fetch that runs `before` when the `n`th pull request is answered, before the client sees the answer. */
function onPull(n: number, before: () => Promise<void>, base: Fetch = sim.server.fetch): Fetch {
  let pulls = 0;
  return async (url, init) => {
    const res = await base(url, init);
    if (url.includes('/v1/sync/pull?') && ++pulls === n) await before();
    return res;
  };
}

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** A team of `PEOPLE` written by one member, and another member who then synced all of it. */
async function joinedWhole(): Promise<ClydeDB> {
  await team(await member(), PEOPLE);
  const whole = await member();
  await sync(whole);
  return whole;
}

const RECORD_TABLES = ['people', 'notes', 'tasks', 'identities', 'preferences'] as const;

/** `db` holds exactly the rows `like` holds in `tables`. */
async function expectSameRows(db: ClydeDB, like: ClydeDB, tables: readonly string[]) {
  for (const table of tables) expect(sorted(await db.table(table).toArray()), table).toEqual(sorted(await like.table(table).toArray()));
}

// Each test syncs a team of 840 records on fake IndexedDB, about 4 s alone: under a full run's load
// that passed Vitest's default 5 s, which is meant to catch a hang, not to time the work.
describe('a big catch-up’s fast paths', { timeout: 30_000 }, () => {
  it('applies a page only over the cursor it was asked from: moved meanwhile, the pull asks again from the stored one', async () => {
    const a = await member();
    await team(a, PEOPLE);
    const b = await member();
    const asked: number[] = [];
    const logging: Fetch = (url, init) => {
      const cursor = /[?&]cursor=(\d+)/.exec(url)?.[1];
      if (url.includes('/v1/sync/pull?') && cursor !== undefined) asked.push(Number(cursor));
      return sim.server.fetch(url, init);
    };
    // Something else (a reset elsewhere) sets the cursor back while the third page is on its way.
    await sync(
      b,
      onPull(3, () => b.transaction('rw', b.meta, () => void b.meta.put({ key: 'cursor', value: 0 })), logging),
    );
    // Asked again from 0, once the moved cursor was seen, instead of writing a page over it.
    expect(asked.filter((c) => c === 0).length).toBe(2);
    expect(await getMeta(b, 'cursor')).toBe(await getMeta(a, 'cursor'));
    expect(await b.people.count()).toBe(PEOPLE);
    expect(await b.notes.count()).toBe(2 * PEOPLE);
    expect(await b.tasks.count()).toBe(PEOPLE / 2);
    expect(await b.wordQueue.count()).toBe(0);
    expect((await search(b, 'kumquat239')).map((r) => r.id).sort()).toEqual(['n-239-0', 'n-239-1']);
  });

  it('a record edited here while the page bringing it back was on its way shows the edit, and search finds its new text', async () => {
    const a = await member();
    await team(a, PEOPLE);
    const b = await member();
    // b's own note goes out first in the round and comes back in the last page, derived when it arrives.
    await writeRecord(b, 'people', 'q', { name: 'Quinn', scope: 'team' }, { create: true });
    await writeRecord(
      b,
      'notes',
      'r',
      { personId: 'q', kind: 'note', body: 'About apricots', occurredAt: 1, scope: 'team' },
      { create: true },
    );
    let edited = false;
    const editing: Fetch = async (url, init) => {
      const res = await sim.server.fetch(url, init);
      if (!edited && url.includes('/v1/sync/pull?') && (await res.clone().text()).includes('"id":"r"')) {
        edited = true;
        await writeRecord(b, 'notes', 'r', { body: 'Now about persimmons' });
      }
      return res;
    };
    await sync(b, editing);
    expect(edited).toBe(true);
    // The page's copy of r is older than the edit waiting to go out: the view keeps the edit.
    expect((await b.notes.get('r'))?.body).toBe('Now about persimmons');
    expect((await search(b, 'persimmons')).map((r) => r.id)).toEqual(['r']);
    expect(await search(b, 'apricots')).toEqual([]);
    expect(await b.wordQueue.count()).toBe(0);
  });

  it('a join stopped halfway and resumed leaves the records of one that ran through, and the words and summaries of a rebuild', async () => {
    const whole = await joinedWhole();
    const stopped = await member();
    // The worker stops (the network fails) with the fourth page: three are in, their words still queued.
    const failing: Fetch = onPull(4, () => Promise.reject(new Error('network down')));
    await expect(sync(stopped, failing)).rejects.toThrow('Cannot reach the sync server');
    expect(await stopped.people.count()).toBeLessThan(PEOPLE);
    expect(await stopped.wordQueue.count()).toBeGreaterThan(0);
    await sync(stopped);
    await expectSameRows(stopped, whole, RECORD_TABLES);
    // Words (in rows of their own or grouped per person) and summaries as a rebuild from scratch
    // makes them, on both devices.
    const wordRows = async (db: ClydeDB) =>
      sorted([...(await db.words.toArray()), ...(await db.wordGroups.toArray()).flatMap((g) => g.rows)]);
    for (const db of [stopped, whole]) {
      const kept = { words: await wordRows(db), summaries: sorted(await db.summaries.toArray()) };
      expect(await db.wordGroups.count()).toBeGreaterThan(0);
      await db.transaction(
        'rw',
        [db.words, db.wordGroups, db.summaries, db.people, db.identities, db.notes, db.preferences, db.tasks, db.personal],
        (tx) => Promise.all([db.wordGroups.clear().then(() => buildWordIndex(tx)), buildSummaries(tx)]),
      );
      expect(kept.words.length).toBeGreaterThan(3 * PEOPLE);
      expect(kept).toEqual({ words: await wordRows(db), summaries: sorted(await db.summaries.toArray()) });
    }
    expect(await stopped.wordQueue.count()).toBe(0);
    expect(await stopped.summaryQueue.count()).toBe(0);
  });

  it('tells live queries of a catch-up’s pages about once a second and of its end, stopped halfway or not', async () => {
    const a = await member();
    await team(a, PEOPLE);
    for (const stopAt of [4, undefined]) {
      const b = await member();
      const seen: number[] = [];
      let runs = 0;
      const sub = liveQuery(() => (runs++, b.notes.count())).subscribe((n) => seen.push(n));
      let pulls = 0;
      const counting: Fetch = (url, init) => {
        if (url.includes('/v1/sync/pull?') && ++pulls === stopAt) return Promise.reject(new Error('network down'));
        return sim.server.fetch(url, init);
      };
      const round = sync(b, counting);
      if (stopAt) await expect(round).rejects.toThrow('Cannot reach the sync server');
      else await round;
      await new Promise((resolve) => setTimeout(resolve, 50));
      sub.unsubscribe();
      // Five pages (three before the stop) in well under a second: told with the first and at the end.
      expect(pulls).toBe(stopAt ?? 5);
      expect(runs).toBeLessThanOrEqual(3);
      expect(seen.at(-1)).toBe(await b.notes.count());
      expect(seen.at(-1)).toBeGreaterThan(0);
    }
  });
  it('opens each page’s transaction while the one before still writes, and a page that fails takes the one opened behind it along', async () => {
    const whole = await joinedWhole();
    const b = await member();
    // The pages' transactions (the only ones over the records and meta together), as they open and end.
    const log: string[] = [];
    let opened = 0;
    b.use({
      stack: 'dbcore',
      name: 'test-page-transactions',
      create: (down) => ({
        ...down,
        transaction(stores, mode, options) {
          const tx = down.transaction(stores, mode, options) as unknown as IDBTransaction;
          if (mode === 'readwrite' && stores.includes('notes') && stores.includes('meta')) {
            const n = ++opened;
            log.push(`open ${n}`);
            tx.addEventListener('complete', () => log.push(`commit ${n}`));
            tx.addEventListener('abort', () => log.push(`abort ${n}`));
          }
          return tx as never;
        },
      }),
    });
    // The disk fills as the third page comes, while the page before it is written: the people of one
    // of them are refused, and it rolls back.
    const disk = injectQuotaFaults(b);
    b.close();
    await b.open();
    await expect(
      sync(
        b,
        onPull(3, async () => disk.fill('put', ['people'])),
      ),
    ).rejects.toThrow();
    expect((await getMeta(b, 'syncStatus'))?.lastError?.code).toBe('LOCAL_STORAGE_FULL');
    // The page that failed was not the last, and the one after it was open before it ended: it
    // then found the cursor unmoved and wrote nothing over the gap (no second refusal).
    const failed = Number(/^abort (\d+)$/.exec(log.find((e) => e.startsWith('abort')) ?? '')?.[1]);
    expect(log.indexOf(`open ${failed + 1}`)).toBeGreaterThan(-1);
    expect(log.indexOf(`open ${failed + 1}`)).toBeLessThan(log.indexOf(`abort ${failed}`));
    expect(log.filter((e) => e.startsWith('abort'))).toEqual([`abort ${failed}`]);
    expect(disk.refused()).toBe(1);
    expect(await getMeta(b, 'cursor')).toBeLessThan((await getMeta(whole, 'cursor'))!);
    disk.free();
    await sync(b);
    await expectSameRows(b, whole, [...RECORD_TABLES, 'summaries']);
    expect(await getMeta(b, 'cursor')).toBe(await getMeta(whole, 'cursor'));
  });
});
