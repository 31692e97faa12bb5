import { describe, expect, it } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { lookAlikes } from '../../../src/storage/people/look-alikes';
import { deleteNote, updateNote } from '../../../src/storage/records/notes';
import { writeRecord } from '../../../src/storage/records/write';
import { search } from '../../../src/storage/search/search';
import { buildWordIndex } from '../../../src/storage/search/search-index';
import { syncOnce } from '../../../src/sync/client/runner';
import { apiFor } from '../../support/sync-client';
import { simSuite } from '../../support/sim-suite';

/**
 * Search's word rows grouped per person (storage/search/word-groups.ts): a big catch-up's
 * records are indexed in groups, and search finds what it would find with a row per record,
 * while every later write takes its record out of its group, so no group keeps a word that its
 * record (or a deleted one) no longer has.
 */

const sim = simSuite();
const { member } = sim;

// Pages of 200 rows: the least a page must have for its search indexing to be left for later, in groups.
const sync = async (db: ClydeDB) => syncOnce(db, await apiFor(db, sim.server.fetch), { now: () => Date.now(), pullLimit: 200 });

const PEOPLE = 120;

/** `PEOPLE` shared people, each with two notes: 360 records, grouped on a device that joins. */
async function team(a: ClydeDB) {
  for (let i = 0; i < PEOPLE; i++) {
    await writeRecord(a, 'people', `p-${i}`, { name: `Quilla Marsh${i}`, company: `Firm ${i % 3}`, scope: 'team' }, { create: true });
    for (const k of [0, 1]) {
      const body = `Asked about the loquat${i}x order and delivery ${k}`;
      await writeRecord(
        a,
        'notes',
        `n-${i}-${k}`,
        { personId: `p-${i}`, kind: 'note', body, occurredAt: 1000 * i + k, scope: 'team' },
        { create: true },
      );
    }
  }
  await sync(a);
}

/** A member `a` with the team's records, and `b`, who has just joined and caught up with them. */
async function joined() {
  const a = await member();
  await team(a);
  const b = await member();
  await sync(b);
  return { a, b };
}

/** Every record is indexed in one place only: its own row or one group. */
async function expectEachInOnePlace(db: ClydeDB) {
  const places = [...(await db.words.toArray()), ...(await db.wordGroups.toArray()).flatMap((g) => g.rows)].map(
    (r) => `${r.entity}/${r.id}`,
  );
  expect(places.length).toBe(new Set(places).size);
}

const ids = async (db: ClydeDB, query: string) => (await search(db, query, 50)).map((r) => r.id).sort();

/** Every word any group holds, as one string. */
const groupWords = async (db: ClydeDB) => JSON.stringify((await db.wordGroups.toArray()).map((g) => [g.w, g.rows]));

describe('word groups', () => {
  it('index a big catch-up per person, and search finds what a row per record finds', async () => {
    const { b } = await joined();
    expect(await b.wordGroups.count()).toBeGreaterThan(0);
    // The last page, under 200 rows, was indexed as it came, a row per record.
    expect(await b.words.count()).toBeLessThan(2 * PEOPLE);
    const queries = ['loquat7x', 'loquat1x', 'quilla marsh12', 'marsh3 order', 'firm', 'delivery 1', 'asked'];
    const grouped = await Promise.all(queries.map((q) => search(b, q, 50)));
    expect(await ids(b, 'loquat7x')).toEqual(['n-7-0', 'n-7-1']);
    expect((await ids(b, 'quilla marsh12')).includes('p-12')).toBe(true);
    // The same index as one row per record, built from scratch: the same answers.
    await b.transaction('rw', [b.words, b.wordGroups, b.people, b.identities, b.notes, b.preferences, b.tasks], async (tx) => {
      await b.wordGroups.clear();
      await buildWordIndex(tx);
    });
    expect(await b.wordGroups.count()).toBe(0);
    const alone = await Promise.all(queries.map((q) => search(b, q, 50)));
    expect(grouped).toEqual(alone);
  });

  it('lose a record edited or deleted here, and its words with it', async () => {
    const { b } = await joined();
    expect(await groupWords(b)).toContain('loquat5x');
    await updateNote(b, 'n-5-0', { body: 'Now about figs' });
    await deleteNote(b, 'n-5-1');
    expect(await ids(b, 'loquat5x')).toEqual([]);
    expect(await ids(b, 'figs')).toEqual(['n-5-0']);
    // Neither note is in a group any more, and loquat5x was only theirs.
    expect(await groupWords(b)).not.toContain('loquat5x');
    expect(await groupWords(b)).not.toContain('n-5-');
    // The rest of that person's group stays: the person is still found by name.
    expect((await ids(b, 'marsh5')).includes('p-5')).toBe(true);
  });

  it('lose a record a teammate edited or deleted, when a big catch-up brings the change', async () => {
    const { a, b } = await joined();
    await writeRecord(a, 'notes', 'n-9-0', { body: 'Now about medlars' });
    await writeRecord(a, 'notes', 'n-9-1', { deleted: true });
    // Enough other changes that the change comes in a page big enough to be indexed in groups again.
    for (let i = 0; i < 220; i++) await writeRecord(a, 'people', `q-${i}`, { name: `Newcomer ${i}`, scope: 'team' }, { create: true });
    await sync(a);
    const groupsBefore = await b.wordGroups.count();
    await sync(b);
    expect(await b.wordGroups.count()).toBeGreaterThan(groupsBefore);
    expect(await ids(b, 'loquat9x')).toEqual([]);
    expect(await ids(b, 'medlars')).toEqual(['n-9-0']);
    expect(await groupWords(b)).not.toContain('loquat9x');
    expect(await groupWords(b)).not.toContain('n-9-1');
    await expectEachInOnePlace(b);
  });

  it('lose a person and their note changed together by a small catch-up, both at once', async () => {
    const { a, b } = await joined();
    // A page under 200 rows is indexed as it is written: people and notes in the same moment.
    await writeRecord(a, 'people', 'p-11', { name: 'Renamed Person' });
    await writeRecord(a, 'notes', 'n-11-0', { body: 'Now about medlars' });
    await sync(a);
    await sync(b);
    expect((await ids(b, 'quilla marsh11')).includes('p-11')).toBe(false);
    expect(await ids(b, 'loquat11x')).toEqual(['n-11-1']);
    await expectEachInOnePlace(b);
  });

  it('are emptied with the records when a table is cleared, and find look-alikes too', async () => {
    const { b } = await joined();
    const twin = await writeRecord(b, 'people', 'twin', { name: 'Quilla Marsh3', company: 'Firm 0' }, { create: true });
    expect((await lookAlikes(b, twin)).map((l) => l.person.id)).toEqual(['p-3']);
    await b.notes.clear();
    expect(await groupWords(b)).not.toContain('loquat');
    expect(await ids(b, 'loquat3x')).toEqual([]);
  });
});
