import type { ClydeDB } from '../../src/storage/db';
import type { Entity } from '../../src/storage/schema';
import { isAboutPerson, search, type PersonResult } from '../../src/storage/search/search';
import { indexQueued } from '../../src/storage/search/index-queued';
import { addPerson, syntheticSeed } from '../support/records';
import { seededDb } from './seeded-db';
import { median, quantile } from './stats';

/**
 * Palette search over 10k people and 100k notes, through the same function the palette calls
 * and the word index kept by the storage middleware (seeding goes through it too). Queries mix
 * a name, a name plus a word, a rare word, a very common word and a prefix being typed. Node on
 * fake-indexeddb is slower than a browser's IndexedDB, so the figure is an upper bound.
 */
export async function searchBench(people = 10_000, notesEach = 10, { grouped = false } = {}) {
  const seed = syntheticSeed(people, notesEach);
  addPerson(seed, {
    name: 'Zelda Quint',
    email: 'zelda@example.net',
    notes: [{ body: 'Wants the zeppelin brochure in Portuguese', occurredAt: Date.now() }],
  });
  const t0 = performance.now();
  const db = await seededDb(seed);
  // As a device that joined a team holds them: every record's words in its person's group.
  if (grouped) await regroup(db);
  const indexMs = performance.now() - t0;
  // The seed has no companies or opportunities: every result is about a person.
  const queries: [string, (r: PersonResult[]) => boolean][] = [
    ['customer 4242', (r) => r[0]?.person.name === 'Customer 4242'],
    ['zeppelin', (r) => r.length === 1 && r[0]!.person.name === 'Zelda Quint'],
    ['tuesdays', (r) => r.length === 20],
    ['deliv', (r) => r.length === 20],
    ['customer 77 order', (r) => r.some((x) => x.person.name === 'Customer 77')],
    ['zelda@exa', (r) => r[0]?.person.name === 'Zelda Quint'],
  ];
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const [q, ok] = queries[i % queries.length]!;
    const t = performance.now();
    const results = (await search(db, q)).filter(isAboutPerson);
    times.push(performance.now() - t);
    if (!ok(results)) throw new Error(`Search for “${q}” gave unexpected results: ${results.map((r) => r.person.name).join(', ')}`);
  }
  const words = (await db.words.count()) + (await db.wordGroups.count());
  await db.delete();
  return { median: median(times), p95: quantile(times, 0.95), notes: seed.notes.length, people: seed.people.length, words, indexMs };
}

/** Moves every word row into person groups, the way a catch-up's queued records are indexed. */
async function regroup(db: ClydeDB): Promise<void> {
  const keys = (await db.words.toCollection().primaryKeys()) as [Entity, string][];
  await db.transaction('rw', [db.words, db.wordQueue], async () => {
    await db.words.clear();
    for (let i = 0; i < keys.length; i += 2500) await db.wordQueue.add({ keys: keys.slice(i, i + 2500) });
  });
  await indexQueued(db);
  if ((await db.words.count()) !== 0) throw new Error('regrouping left word rows');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await searchBench());
