import { findPersonByIdentity } from '../../src/storage/records/identity-lookup';
import { syntheticSeed } from '../support/records';
import { seededDb } from './seeded-db';
import { median, quantile } from './stats';

/**
 * Person lookup by email on a store of 10k people and 100k notes, through the same function the
 * panel calls. Runs in Node on fake-indexeddb, which is slower than a browser's IndexedDB, so the
 * figure is an upper bound.
 */
export async function lookupBench(people = 10_000, notesEach = 10) {
  const seed = syntheticSeed(people, notesEach);
  const db = await seededDb(seed);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const n = (i * 7919) % people;
    const t0 = performance.now();
    const person = await findPersonByIdentity(db, 'email', `Customer${n}@Example.com`);
    times.push(performance.now() - t0);
    if (person?.name !== `Customer ${n}`) throw new Error(`Lookup found the wrong person for customer ${n}`);
  }
  await db.delete();
  return { median: median(times), p95: quantile(times, 0.95), notes: seed.notes.length, people: seed.people.length };
}
