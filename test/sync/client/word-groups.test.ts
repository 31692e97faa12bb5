import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { lookAlikes } from '../../../src/storage/people/look-alikes';
import { deleteNote, updateNote } from '../../../src/storage/records/notes';
import { writeRecord } from '../../../src/storage/records/write';
import { search } from '../../../src/storage/search/search';
import { indexQueued } from '../../../src/storage/search/index-queued';
import { syncOnce } from '../../../src/sync/client/runner';
import { freshClientDb } from '../../support/db';
import { apiFor, joinWith } from '../../support/sync-client';
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
async function team(a: ClydeDB, people = PEOPLE) {
  for (let i = 0; i < people; i++) {
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

/** The same index as one row per record, built from scratch (every record written again, as it is): what every search should answer. */
async function scratchAnswers(db: ClydeDB, queries: string[]) {
  const tables = (['people', 'identities', 'notes', 'preferences', 'tasks', 'companies', 'opportunities'] as const).map((t) => db.table(t));
  await db.transaction('rw', [db.words, db.wordGroups, ...tables], async () => {
    await Promise.all([db.words.clear(), db.wordGroups.clear()]);
    for (const table of tables) await table.bulkPut(await table.toArray());
  });
  return Promise.all(queries.map((q) => search(db, q, 50)));
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
    expect(grouped).toEqual(await scratchAnswers(b, queries));
    expect(await b.wordGroups.count()).toBe(0);
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

/**
 * A first join's words made from what its pages wrote, kept in memory (storage/search/words-seen.ts),
 * as the background does: the round leaves indexing to its caller, which passes on the pages.
 */
describe('a first join indexed from memory', { timeout: 30_000 }, () => {
  /** A record of every kind search indexes, each with a word of its own, shared with the team: one page's worth. */
  async function everyKind(a: ClydeDB) {
    const team = { scope: 'team' } as const;
    const write = (entity: Parameters<typeof writeRecord>[1], id: string, fields: Record<string, unknown>) =>
      writeRecord(a, entity, id, { ...fields, ...team } as never, { create: true });
    await write('people', 'p-kinds', { name: 'Ysolde Varga', company: 'Orchard Co', headline: 'Buyer of quinces', location: 'Szeged' });
    await write('identities', 'p-kinds|email:ysolde@orchard.example', {
      personId: 'p-kinds',
      kind: 'email',
      value: 'ysolde@orchard.example',
      display: 'ysolde@orchard.example',
    });
    await write('preferences', 'p-kinds|pref-0', { personId: 'p-kinds', key: 'crates', value: 'wooden, never plastic', pinned: false });
    await write('tasks', 't-kinds', { personId: 'p-kinds', title: 'Send the persimmon price list', done: false });
    await write('companies', 'co-kinds', { name: 'Tamarind Traders', domains: 'tamarind.example' });
    await write('opportunities', 'o-kinds', { title: 'Sapodilla season', companyId: 'co-kinds', stageId: 'stage-lead', stageAt: 0 });
    for (let i = 0; i < 200; i++) await write('people', `q-${i}`, { name: `Filler ${i}` });
    await sync(a);
  }

  /** A member `a` with the team's records, and `b` (with a second connection, as another page of the extension has), whose first round left the words. */
  async function joinedLeft(people = PEOPLE) {
    const a = await member();
    await team(a, people);
    if (people === PEOPLE) await everyKind(a);
    const { db: b, reopen } = freshClientDb(`b-${crypto.randomUUID()}`);
    await joinWith(b, await sim.server.invite(), sim.server.fetch);
    const round = await syncOnce(b, await apiFor(b, sim.server.fetch), { now: () => Date.now(), pullLimit: 200, leaveDerived: true });
    const other = reopen();
    const close = () => (b.close(), other.close());
    return { a, b, other, words: round.seen?.words, close };
  }

  const QUERIES = ['loquat7x', 'loquat5x', 'loquat6x', 'figs', 'medlars', 'quilla marsh12', 'marsh3 order', 'firm', 'asked'];
  // One for each kind of record, and each field words are made of (everyKind).
  const KINDS = [
    'ysolde',
    'orchard',
    'quinces',
    'szeged',
    'ysolde@orch',
    'crates',
    'plastic',
    'persimmon',
    'tamarind',
    'tamarind.example',
    'sapodilla',
  ];

  it('reads no record back, and search finds what a row per record finds', async () => {
    const { b, words, close } = await joinedLeft();
    try {
      expect(words).toBeDefined();
      const reads = [vi.spyOn(b.table('notes'), 'bulkGet'), vi.spyOn(b.table('people'), 'bulkGet')];
      expect(await indexQueued(b, words)).toBeGreaterThan(0);
      for (const read of reads) expect(read).not.toHaveBeenCalled();
      expect(await b.wordQueue.count()).toBe(0);
      // One group per person, their records from however many pages.
      const groups = await b.wordGroups.toArray();
      expect(groups.length).toBe(new Set(groups.map((g) => g.personId)).size);
      await expectEachInOnePlace(b);
      const answers = await Promise.all([...QUERIES, ...KINDS].map((q) => search(b, q, 50)));
      for (const [i, q] of KINDS.entries()) expect(answers[QUERIES.length + i]!.length, q).toBeGreaterThan(0);
      expect(answers).toEqual(await scratchAnswers(b, [...QUERIES, ...KINDS]));
    } finally {
      close();
    }
  });

  it('reads what was edited or deleted meanwhile, here or in another page of the extension, instead of the copy kept', async () => {
    const { b, other, words, close } = await joinedLeft();
    try {
      await updateNote(b, 'n-5-0', { body: 'Now about figs' });
      await deleteNote(b, 'n-5-1');
      await updateNote(other, 'n-6-0', { body: 'Now about medlars' });
      await other.people.delete('p-7');
      await indexQueued(b, words);
      expect(await ids(b, 'loquat5x')).toEqual([]);
      expect(await ids(b, 'figs')).toEqual(['n-5-0']);
      expect(await ids(b, 'loquat6x')).toEqual(['n-6-1']);
      expect(await ids(b, 'medlars')).toEqual(['n-6-0']);
      expect((await ids(b, 'quilla marsh7')).includes('p-7')).toBe(false);
      await expectEachInOnePlace(b);
      const answers = await Promise.all(QUERIES.map((q) => search(b, q, 50)));
      expect(answers).toEqual(await scratchAnswers(b, QUERIES));
    } finally {
      close();
    }
  });

  it('reads everything when a table was cleared meanwhile', async () => {
    const { b, other, words, close } = await joinedLeft();
    try {
      await other.notes.clear();
      await indexQueued(b, words);
      expect(await ids(b, 'loquat3x')).toEqual([]);
      expect(await groupWords(b)).not.toContain('loquat');
      expect((await ids(b, 'quilla marsh3')).includes('p-3')).toBe(true);
      await expectEachInOnePlace(b);
    } finally {
      close();
    }
  });

  it('learns in each batch of what was written since the batch before', async () => {
    // Over 2,500 records: two batches (search-index.ts RECORDS_PER_TRANSACTION).
    const { b, words, close } = await joinedLeft(900);
    try {
      // Written while the first batch (the people first in id order) is being indexed, so it
      // lands between it and the second; the note is about the person last in id order.
      let asked = 0;
      const where = b.wordQueue.where.bind(b.wordQueue);
      let edit: Promise<unknown> | undefined;
      vi.spyOn(b.wordQueue, 'where').mockImplementation(((index: string) => {
        if (++asked === 1) edit = Dexie.ignoreTransaction(() => updateNote(b, 'n-99-0', { body: 'Now about figs' }));
        return where(index);
      }) as typeof b.wordQueue.where);
      await indexQueued(b, words);
      await edit;
      expect(asked).toBeGreaterThan(1);
      expect(await ids(b, 'figs')).toEqual(['n-99-0']);
      expect(await ids(b, 'loquat99x')).toEqual(['n-99-1']);
      await expectEachInOnePlace(b);
    } finally {
      close();
    }
  }, 60_000);
});
