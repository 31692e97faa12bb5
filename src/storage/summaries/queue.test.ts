import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { apiFor, joinWith } from '../../../test/support/sync-client';
import { SimClient } from '../../../test/sync/sim/client';
import { startSimServer, type SimServer } from '../../../test/sync/sim/server';
import type { Fetch } from '../../sync/client/api';
import { syncOnce } from '../../sync/client/runner';
import type { ClydeDB } from '../db';
import { mergePeople } from '../people/merge-people';
import { addNote } from '../records/notes';
import { writeRecord } from '../records/write';
import { TAGS } from '../schema';
import { setRhythm, setStarred } from './personal';
import { deferSummaries, rebuildSummariesLater, summarizeQueued } from './queue';
import { setShared } from '../../sync/client/share';
import { summarizeAll } from './upkeep';

const DAY = 86_400_000;

let server: SimServer;
const dbs: ClydeDB[] = [];
beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await server.close();
});

/** Every kept summary equals the one computed from scratch, and there is none too many. */
async function expectFresh(db: ClydeDB, when: string) {
  const kept = await db.summaries.orderBy('personId').toArray();
  const scratch = (await summarizeAll((name) => db.table(name))).sort((a, b) => (a.personId < b.personId ? -1 : 1));
  expect(kept, when).toEqual(scratch);
}

async function member() {
  const { db } = freshClientDb();
  dbs.push(db);
  await joinWith(db, await server.invite(), server.fetch);
  return db;
}

const sync = async (db: ClydeDB, fetch: Fetch = server.fetch) =>
  syncOnce(db, await apiFor(db, fetch), { now: () => Date.now(), pullLimit: 10 });

/** `n` team people from `from` on, each with notes of every kind and a task, spread over seqs. */
async function team(a: ClydeDB, n: number, from = 0) {
  const now = Date.now();
  for (let i = from; i < from + n; i++) {
    await writeRecord(a, 'people', `p-${i}`, { name: `Person ${i}`, scope: 'team' }, { create: true });
    for (const [k, tag] of [undefined, ...TAGS].entries()) {
      const eventAt = tag === 'life-event' ? now + 20 * DAY : undefined;
      const fields = { personId: `p-${i}`, body: `note ${k}`, kind: 'note' as const, tag, occurredAt: now - (k + i) * DAY, eventAt };
      await writeRecord(a, 'notes', `n-${i}-${k}`, { ...fields, scope: 'team' }, { create: true });
    }
    const task = { personId: `p-${i}`, title: `call ${i}`, due: now + i * DAY, done: false, scope: 'team' as const };
    await writeRecord(a, 'tasks', `t-${i}`, task, { create: true });
  }
  await sync(a);
}

/** A fetch that calls `onPull` with the number of each pull request (1-based) before sending it. */
function watchingPulls(onPull: (n: number) => Promise<void> | void, base: Fetch = server.fetch): Fetch {
  let pulls = 0;
  return async (url, init) => {
    if (url.includes('/v1/sync/pull?')) await onPull(++pulls);
    return base(url, init);
  };
}

describe('summaries during a catch-up', () => {
  it('are queued by its pages and, once it is done, equal a full rebuild', async () => {
    const a = await member();
    await team(a, 12);
    const b = await member();
    // B's own private person, whom the catch-up must leave as it was.
    await writeRecord(b, 'people', 'mine', { name: 'Mine' }, { create: true });
    await addNote(b, 'mine', { body: 'my own note', tag: 'complaint' });
    await setRhythm(b, 'p-3', 14);
    const queued: number[] = [];
    await sync(
      b,
      watchingPulls(async () => void queued.push(await b.summaryQueue.count())),
    );
    // The pages queued people (the pulls after the first are asked for while a page is applied)...
    expect(Math.max(...queued)).toBeGreaterThan(0);
    // ...and nothing is left queued once the round is done; every summary is what a rebuild gives.
    expect(await b.summaryQueue.count()).toBe(0);
    expect(await b.summaries.count()).toBe(13);
    await expectFresh(b, 'after the catch-up');

    // A merge elsewhere moves notes from one person to another, and notes made private again leave
    // B (evictions) while their person stays as it was: every person who lost a note is rebuilt
    // too, found from the note as it was before the page.
    await mergePeople(a, 'p-1', 'p-0');
    for (const k of [1, 2, 3, 4]) await setShared(a, 'notes', `n-${k + 4}-${k}`, false);
    await team(a, 8, 12);
    await sync(b);
    expect(await b.summaryQueue.count()).toBe(0);
    expect(await b.notes.get('n-6-2')).toBeUndefined();
    await expectFresh(b, 'after a merge, evictions and more pages');

    // The user's own capture keeps its immediate upkeep: no queue, the summary right at once.
    await addNote(b, 'p-5', { body: 'complained about the delay', tag: 'complaint' });
    expect(await b.summaryQueue.count()).toBe(0);
    expect((await b.summaries.get('p-5'))?.complaint?.excerpt).toBe('complained about the delay');
    await expectFresh(b, 'after a capture');
    // Two members syncing pages of ten on fake IndexedDB: over five seconds on a busy machine.
  }, 30_000);

  it('a first join left to its caller hands over the pages it kept: the rebuild after it reads no note back', async () => {
    const a = await member();
    await team(a, 12);
    const b = await member();
    const round = await syncOnce(b, await apiFor(b, server.fetch), { now: () => Date.now(), pullLimit: 10, leaveDerived: true });
    // The records are in; Home's summaries wait for the caller, with what the pages wrote.
    expect(await b.people.count()).toBe(12);
    expect(await b.summaries.count()).toBe(0);
    expect(round.seen).toBeDefined();
    const reads = vi.spyOn(b.notes, 'where');
    expect(await summarizeQueued(b, round.seen?.summaries)).toBe(12);
    expect(reads).not.toHaveBeenCalled();
    await expectFresh(b, 'after the rebuild');
  });

  it('a worker killed halfway through the catch-up ends with correct summaries on the next round', async () => {
    const a = await member();
    await team(a, 12);
    let hang = false;
    let reached: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (reached = resolve));
    // The fourth pull request never answers: the worker is killed while waiting on it.
    const b = new SimClient('killed', () =>
      watchingPulls((n) => {
        if (!hang || n < 4) return;
        reached();
        return new Promise<void>(() => undefined);
      }),
    );
    dbs.push(b.db);
    await b.join(await server.invite(), server.fetch);
    hang = true;
    void b.sync(() => Date.now());
    await stopped;
    // The pages before it are in, with their people queued, not summarized.
    await vi.waitFor(async () => expect(await b.db.summaryQueue.count()).toBeGreaterThan(0));
    // A first join leaves every summary to one rebuild, and says so in the queue it keeps.
    expect((await b.db.summaryQueue.toArray()).every((r) => r.all && r.people.length === 0)).toBe(true);
    expect(await b.db.people.count()).toBeGreaterThan(0);
    const scratch = await summarizeAll((name) => b.db.table(name));
    expect(await b.db.summaries.count()).toBeLessThan(scratch.length);

    b.crash();
    dbs.push(b.db);
    hang = false;
    // The restarted worker's round finishes the pull and rebuilds what the killed one queued.
    await b.sync(() => Date.now());
    expect(await b.db.summaryQueue.count()).toBe(0);
    expect(await b.db.people.count()).toBe(12);
    await expectFresh(b.db, 'after the restart');
  });

  it('rebuild the people a deferred write moved or deleted notes from, whether few or most people are queued', async () => {
    const { db } = freshClientDb();
    dbs.push(db);
    const id = (i: number) => `p-${String(i).padStart(2, '0')}`;
    const now = Date.now();
    for (let i = 0; i < 20; i++) {
      await writeRecord(db, 'people', id(i), { name: `P${i}` }, { create: true });
      await addNote(db, id(i), { body: `complaint ${i}`, tag: 'complaint', occurredAt: now - i * DAY });
    }
    const noteOf = async (i: number) => (await db.notes.where('personId').equals(id(i)).first())!;
    const [moved, dropped] = [await noteOf(5), await noteOf(12)];
    // Few people, spread over the whole id range: looked up one by one.
    await db.transaction('rw', [db.notes, db.people], async () => {
      deferSummaries();
      await db.notes.put({ ...moved, personId: id(10) });
      await db.notes.delete(dropped.id);
      await db.notes.add({ ...moved, id: 'new', personId: id(19), body: 'praise', tag: 'compliment' });
    });
    expect(await db.summaryQueue.count()).toBe(3);
    // Nothing was recomputed: the moved note still counts for its old person.
    expect((await db.summaries.get(id(5)))?.complaint?.excerpt).toBe('complaint 5');
    expect(await summarizeQueued(db)).toBe(4);
    expect(await db.summaryQueue.count()).toBe(0);
    expect((await db.summaries.get(id(5)))?.complaint).toBeUndefined();
    await expectFresh(db, 'after a sparse rebuild');

    // Most people, as a catch-up queues them: read by id range.
    await db.transaction('rw', [db.notes, db.people], async () => {
      deferSummaries();
      for (let i = 0; i < 20; i += 2) await db.people.update(id(i), { name: `Renamed ${i}` });
      await db.notes.bulkPut((await db.notes.toArray()).map((n) => ({ ...n, personId: id(19 - Number(n.personId.slice(2))) })));
    });
    expect(await summarizeQueued(db)).toBe(20);
    await expectFresh(db, 'after a dense rebuild');
  });

  it('a catch-up bigger than the device rebuilds everyone: no people queued, and notes moved or gone from earlier pages are accounted for', async () => {
    const a = await member();
    const b = await member();
    await team(a, 2);
    await sync(b);
    await expectFresh(b, 'after the first join');
    // While B is away: a merge moves p-1's notes to p-0, a note of p-0 turns private (an
    // eviction for B), and ten more people make the next catch-up many pages, more than B holds.
    await mergePeople(a, 'p-1', 'p-0');
    await setShared(a, 'notes', 'n-0-2', false);
    await team(a, 10, 2);
    const seen: { all?: true; people: string[] }[] = [];
    await sync(
      b,
      watchingPulls(async () => void seen.push(...(await b.summaryQueue.toArray()))),
    );
    // The pages queued nobody by name (so no page read a record's previous row to find them)...
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.all && r.people.length === 0)).toBe(true);
    // ...and the rebuild at the end still drops what p-0 lost and what p-1 was merged into.
    expect(await b.summaryQueue.count()).toBe(0);
    expect(await b.notes.get('n-0-2')).toBeUndefined();
    expect((await b.notes.get('n-1-1'))?.personId).toBe('p-0');
    await expectFresh(b, 'after a catch-up of everyone');
    // Three members syncing pages of ten on fake IndexedDB: seconds on a busy machine.
  }, 30_000);

  it('a first join keeps what the user captures and stars while its pages come in', async () => {
    const a = await member();
    await team(a, 12);
    const b = await member();
    const later = Date.now() + DAY;
    // Between pages, in the user's own transactions: the rebuild at the end must not undo them.
    await sync(
      b,
      watchingPulls(async (n) => {
        if (n === 3) await addNote(b, 'p-1', { body: 'the delivery was late again', tag: 'complaint', occurredAt: later });
        if (n === 5) await setStarred(b, 'p-9', true);
      }),
    );
    expect((await b.summaries.get('p-1'))?.complaint?.excerpt).toBe('the delivery was late again');
    expect((await b.summaries.get('p-9'))?.starred).toBe(true);
    expect(await b.summaryQueue.count()).toBe(0);
    await expectFresh(b, 'after a join with captures');
  });

  it('a rebuild of everyone also drops summaries whose person is gone, and keeps what is queued meanwhile', async () => {
    const { db } = freshClientDb();
    dbs.push(db);
    const now = Date.now();
    for (let i = 0; i < 6; i++) {
      await writeRecord(db, 'people', `p-${i}`, { name: `P${i}` }, { create: true });
      await addNote(db, `p-${i}`, { body: `complaint ${i}`, tag: 'complaint', occurredAt: now - i * DAY });
    }
    const noteOf = async (i: number) => (await db.notes.where('personId').equals(`p-${i}`).first())!;
    const moved = await noteOf(1);
    await db.transaction('rw', [db.notes, db.people, db.summaryQueue], async () => {
      await rebuildSummariesLater(db);
      await db.notes.put({ ...moved, personId: 'p-2' });
      await db.notes.delete((await noteOf(3)).id);
      await db.people.delete('p-4');
    });
    // Nothing recomputed, nobody queued by name: the one row says everyone.
    expect((await db.summaryQueue.toArray()).map((r) => [r.all, r.people])).toEqual([[true, []]]);
    expect((await db.summaries.get('p-1'))?.complaint?.excerpt).toBe('complaint 1');
    expect(await db.summaries.get('p-4')).toBeDefined();
    expect(await summarizeQueued(db)).toBe(6);
    expect(await db.summaryQueue.count()).toBe(0);
    expect(await db.summaries.get('p-4')).toBeUndefined();
    expect((await db.summaries.get('p-1'))?.complaint).toBeUndefined();
    await expectFresh(db, 'after a rebuild of everyone');
  });

  it('deferring needs a transaction', () => {
    expect(() => deferSummaries()).toThrow(/inside a transaction/);
  });

  it('a rebuild of everyone needs a transaction', async () => {
    const { db } = freshClientDb();
    dbs.push(db);
    await expect(rebuildSummariesLater(db)).rejects.toThrow(/inside a transaction/);
  });
});
