import { capture } from '../../src/capture/capture';
import { TAGS, type Tag } from '../../src/storage/schema';
import { syntheticSeed } from '../support/records';
import { seededDb } from './seeded-db';
import { median, quantile } from './stats';

const LINES: [string, Tag | undefined][] = [
  ['Asked about the spring catalogue', undefined],
  ['order: grain in two bags', 'preference'],
  ['Send the new price list next thursday', 'promise'],
  ['Daughter’s exam in 2 weeks', 'life-event'],
  ...TAGS.filter((t) => !['preference', 'promise', 'life-event'].includes(t)).map((t): [string, Tag] => [`Mentioned a ${t}`, t]),
];

/**
 * Enter in the capture box until the record and its outbox op are committed: date parsing, the
 * plan, and the write, through the same function the panel calls. Node + fake-indexeddb, on a
 * store of 2k people and 20k notes, so the figure is an upper bound for a browser.
 */
export async function captureBench(people = 2_000, notesEach = 10, rounds = 300) {
  const seed = syntheticSeed(people, notesEach);
  const db = await seededDb(seed);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const personId = seed.people[(i * 7919) % people]!.id;
    const [text, tag] = LINES[i % LINES.length]!;
    const t0 = performance.now();
    await capture(db, personId, { text, tag });
    times.push(performance.now() - t0);
  }
  const written =
    (await db.notes.count()) + (await db.preferences.count()) + (await db.tasks.count()) - seed.notes.length - seed.preferences.length;
  if (written !== rounds) throw new Error(`Expected ${rounds} captured records, found ${written}`);
  await db.delete();
  return { median: median(times), p95: quantile(times, 0.95), people, rounds };
}
