import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import type { ClydeDB } from '../db';
import { writeRecord } from '../records/write';
import type { Note, Person } from '../schema';
import { search } from './search';
import { indexQueued } from './index-queued';
import { deferWordIndex } from './search-index';
import { WordsSeen } from './words-seen';

const dbs: ClydeDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fresh(): ClydeDB {
  const { db } = freshClientDb(`words-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** Ten people with a note each, made on a device of their own and read back whole, as a join's pages bring them. */
async function teamRecords() {
  const team = fresh();
  for (let i = 0; i < 10; i++) {
    await writeRecord(team, 'people', `p-${i}`, { name: `Odile Brant${i}`, scope: 'team' }, { create: true });
    const fields = { personId: `p-${i}`, kind: 'note' as const, body: `Wants the guava${i} crates`, occurredAt: i, scope: 'team' as const };
    await writeRecord(team, 'notes', `n-${i}`, fields, { create: true });
  }
  return { people: await team.people.toArray(), notes: await team.notes.toArray() };
}

/** One page of a first join, as pull.ts applies it: its words left for later, its writes kept in `seen`. */
async function page(db: ClydeDB, seen: WordsSeen, people: Person[], notes: Note[], fail = false) {
  const keys = [...people.map((p) => ['people', p.id] as const), ...notes.map((n) => ['notes', n.id] as const)];
  await db.transaction('rw', [db.people, db.notes, db.wordQueue], async () => {
    await deferWordIndex(
      db,
      keys.map(([e, id]) => [e, id]),
      seen,
    );
    await db.people.bulkPut(people);
    await db.notes.bulkPut(notes);
    if (fail) throw new Error('the page failed');
  });
}

const found = async (db: ClydeDB, query: string) => (await search(db, query, 50)).map((r) => r.id).sort();

describe('a first join’s pages kept for search', () => {
  it('are indexed from memory once their transactions commit, with nothing read back', async () => {
    const db = fresh();
    const seen = new WordsSeen();
    const { people, notes } = await teamRecords();
    await page(db, seen, people.slice(0, 5), notes.slice(5));
    await page(db, seen, people.slice(5), notes.slice(0, 5));
    const reads = vi.spyOn(db.table('notes'), 'bulkGet');
    expect(await indexQueued(db, seen)).toBe(2);
    expect(reads).not.toHaveBeenCalled();
    expect(await found(db, 'guava3')).toEqual(['n-3']);
    expect(await found(db, 'brant7')).toEqual(['p-7']);
    // A person's record from either page, in one group.
    expect(await db.wordGroups.count()).toBe(10);
  });

  it('a page that failed is not kept, and the one that tried again is', async () => {
    const db = fresh();
    const seen = new WordsSeen();
    const { people, notes } = await teamRecords();
    await page(db, seen, people, notes.slice(0, 5));
    // It brings a change to a note the first page wrote, which the page that tries again lacks.
    const tried = [notes[0]!, ...notes.slice(5)].map((n) => ({ ...n, body: `${n.body} and durians` }));
    const extra = { ...notes[0]!, id: 'n-extra', body: 'Never written: the page failed' };
    await expect(page(db, seen, [], [...tried, extra], true)).rejects.toThrow('the page failed');
    await page(db, seen, [], notes.slice(5));
    const reads = vi.spyOn(db.table('notes'), 'bulkGet');
    expect(await indexQueued(db, seen)).toBe(2);
    expect(reads).not.toHaveBeenCalled();
    expect(await found(db, 'durians')).toEqual([]);
    expect(await found(db, 'written')).toEqual([]);
    for (let i = 0; i < 10; i++) expect(await found(db, `guava${i}`)).toEqual([`n-${i}`]);
  });

  it('past what it may keep, it keeps nothing, and everything is read', async () => {
    const db = fresh();
    const seen = new WordsSeen(12);
    const { people, notes } = await teamRecords();
    await page(db, seen, people, []);
    await page(db, seen, [], notes);
    const reads = vi.spyOn(db.table('people'), 'bulkGet');
    await indexQueued(db, seen);
    expect(reads).toHaveBeenCalled();
    expect(await found(db, 'brant7')).toEqual(['p-7']);
    expect(await found(db, 'guava7')).toEqual(['n-7']);
  });
});
