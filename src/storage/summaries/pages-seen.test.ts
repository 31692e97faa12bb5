import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import type { ClydeDB } from '../db';
import { addNote } from '../records/notes';
import { writeRecord } from '../records/write';
import { TAGS, type Note, type Person, type Task } from '../schema';
import { PagesSeen } from './pages-seen';
import { setStarred } from './personal';
import { rebuildSummariesLater, summarizeQueued } from './queue';
import { summarizeAll } from './upkeep';

const DAY = 86_400_000;
const LONG = 'word '.repeat(40);

const dbs: ClydeDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fresh(name: string): ClydeDB {
  const { db } = freshClientDb(name);
  dbs.push(db);
  return db;
}

/** Every kept summary equals the one computed from scratch, and there is none too many. */
async function expectFresh(db: ClydeDB, when: string) {
  const kept = await db.summaries.orderBy('personId').toArray();
  const scratch = (await summarizeAll((name) => db.table(name))).sort((a, b) => (a.personId < b.personId ? -1 : 1));
  expect(kept, when).toEqual(scratch);
}

/**
 * A team's records as a join's pages bring them: `n` people, each with a note of every tag (long
 * bodies, a birthday named past what a summary quotes), a shared note and a task, made on a
 * device of their own and read back whole.
 */
async function teamRecords(n: number) {
  const team = fresh(`team-${crypto.randomUUID()}`);
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const personId = `p-${String(i).padStart(2, '0')}`;
    await writeRecord(team, 'people', personId, { name: `Person ${i}`, scope: 'team' }, { create: true });
    for (const [k, tag] of [undefined, ...TAGS].entries()) {
      const body = tag === 'life-event' ? `${LONG} her birthday` : `${LONG} note ${k}`;
      const eventAt = tag === 'life-event' ? now + (i + 3) * DAY : undefined;
      const fields = { personId, body, kind: 'note' as const, tag, occurredAt: now - (k + i) * DAY, eventAt, scope: 'team' as const };
      await writeRecord(team, 'notes', `n-${i}-${k}`, fields, { create: true });
    }
    await writeRecord(team, 'tasks', `t-${i}`, { personId, title: `call ${i}`, due: now + i * DAY, done: false }, { create: true });
  }
  const [people, notes, tasks] = await Promise.all([team.people.toArray(), team.notes.toArray(), team.tasks.toArray()]);
  return { people, notes, tasks };
}

type Rows = { people?: Person[]; notes?: Note[]; tasks?: Task[]; gone?: string[] };

/** One page of a first join, as pull.ts applies it: a transaction that says everyone is rebuilt later. */
async function page(db: ClydeDB, seen: PagesSeen, rows: Rows, fail = false) {
  await db.transaction('rw', [db.people, db.notes, db.tasks, db.summaryQueue], async () => {
    await rebuildSummariesLater(db, seen);
    await db.people.bulkPut(rows.people ?? []);
    await db.notes.bulkPut(rows.notes ?? []);
    await db.tasks.bulkPut(rows.tasks ?? []);
    await db.notes.bulkDelete(rows.gone ?? []);
    if (fail) throw new Error('the page failed');
  });
}

/** A join's records in three pages, notes and tasks before their people; the last page moves and deletes notes. */
async function join(db: ClydeDB, seen: PagesSeen, records: Awaited<ReturnType<typeof teamRecords>>) {
  const { people, notes, tasks } = records;
  await page(db, seen, { notes: notes.slice(0, 30), tasks: tasks.slice(0, 3) });
  await page(db, seen, { people: people.slice(0, 5), notes: notes.slice(30) });
  const moved = { ...notes.find((n) => n.id === 'n-1-0')!, personId: 'p-02', body: `${LONG} moved` };
  const deleted = { ...notes.find((n) => n.id === 'n-3-2')!, deleted: true };
  await page(db, seen, { people: people.slice(5), tasks: tasks.slice(3), notes: [moved, deleted], gone: ['n-4-1'] });
}

/** Counts the rebuild's reads of notes from the database. */
const readsOfNotes = (db: ClydeDB) => vi.spyOn(db.notes, 'where');

describe('a first join rebuilding summaries from the pages it kept in memory', () => {
  it('equals a rebuild from the records, and reads no note back', async () => {
    const records = await teamRecords(8);
    const db = fresh('joiner');
    const seen = new PagesSeen();
    await join(db, seen, records);
    // The pages left everyone's summary for later.
    expect(await db.summaries.count()).toBe(0);
    const reads = readsOfNotes(db);
    expect(await summarizeQueued(db, seen)).toBe(8);
    expect(reads).not.toHaveBeenCalled();
    expect(await db.summaryQueue.count()).toBe(0);
    // The moved note's person lost it, the other gained it; the deleted ones count nowhere.
    expect((await db.summaries.get('p-02'))?.recent.length).toBeGreaterThan(0);
    await expectFresh(db, 'after the join');
  });

  it('reads the people held before the join, and those another writer touched during it', async () => {
    const records = await teamRecords(8);
    const db = fresh('joiner');
    // Before the join: the device's own note about someone the team also knows, and a star.
    await writeRecord(db, 'people', 'p-06', { name: 'Six, as I knew them' }, { create: true });
    await addNote(db, 'p-06', { body: 'met at the fair', tag: 'compliment', occurredAt: Date.now() + DAY });
    await setStarred(db, 'p-07', true);
    const seen = new PagesSeen();
    const { people, notes, tasks } = records;
    await page(db, seen, { people: people.slice(0, 4), notes: notes.slice(0, 40), tasks });
    // Between pages and after the last, the user captures and stars: their own transactions, which
    // keep the summary at once and, with a rebuild waiting, queue the person too.
    await addNote(db, 'p-01', { body: 'complained about the invoice', tag: 'complaint', occurredAt: Date.now() + 2 * DAY });
    await page(db, seen, { people: people.slice(4), notes: notes.slice(40) });
    await setStarred(db, 'p-03', true);
    const reads = readsOfNotes(db);
    await summarizeQueued(db, seen);
    expect(reads).toHaveBeenCalled();
    expect((await db.summaries.get('p-01'))?.complaint?.excerpt).toBe('complained about the invoice');
    expect((await db.summaries.get('p-06'))?.praise?.excerpt).toBe('met at the fair');
    expect((await db.summaries.get('p-03'))?.starred).toBe(true);
    expect((await db.summaries.get('p-07'))?.starred).toBe(true);
    await expectFresh(db, 'after the join');
    // Without a rebuild waiting, a capture queues nobody.
    await addNote(db, 'p-02', { body: 'thanks for the call' });
    expect(await db.summaryQueue.count()).toBe(0);
  });

  it('keeps nothing of a page that failed', async () => {
    const records = await teamRecords(6);
    const db = fresh('joiner');
    const seen = new PagesSeen();
    await page(db, seen, { people: records.people, notes: records.notes.slice(0, 20) });
    await expect(page(db, seen, { notes: records.notes.slice(20), tasks: records.tasks }, true)).rejects.toThrow('the page failed');
    const reads = readsOfNotes(db);
    await summarizeQueued(db, seen);
    expect(reads).not.toHaveBeenCalled();
    await expectFresh(db, 'after a failed page');
  });

  it('reads everything back where memory cannot vouch for it', async () => {
    const records = await teamRecords(6);
    const cases: [string, (db: ClydeDB) => Promise<unknown>, number?][] = [
      // A stopped worker's pages, before this catch-up's.
      ['an earlier rebuild queued', (db) => db.summaryQueue.add({ people: [], all: true })],
      // Signed out halfway: the records cleared, summaries restored from what is left.
      ['a table cleared', (db) => db.notes.clear()],
      ['more records than memory keeps', async () => undefined, 10],
    ];
    for (const [what, meanwhile, max] of cases) {
      const db = fresh(`joiner-${what}`);
      const seen = new PagesSeen(max);
      if (what === 'an earlier rebuild queued') await meanwhile(db);
      await page(db, seen, { people: records.people.slice(0, 3), notes: records.notes.slice(0, 20) });
      if (what !== 'an earlier rebuild queued') await meanwhile(db);
      await page(db, seen, { people: records.people.slice(3), notes: records.notes.slice(20), tasks: records.tasks });
      const reads = readsOfNotes(db);
      await summarizeQueued(db, seen);
      expect(reads, what).toHaveBeenCalled();
      await expectFresh(db, what);
    }
  });
});
