import { riskReasons } from '../../src/home/reasons';
import type { ClydeDB } from '../../src/storage/db';
import { addNote } from '../../src/storage/records/notes';
import { summaryMiddleware } from '../../src/storage/summaries/upkeep';
import type { Seed } from '../support/records';

async function seeded(open: (name: string) => ClydeDB, seed: Seed, keepSummaries: boolean): Promise<ClydeDB> {
  const db = open(`bench-home-${crypto.randomUUID()}`);
  if (!keepSummaries) db.unuse({ stack: 'dbcore', name: summaryMiddleware.name! });
  await db.transaction('rw', [db.people, db.identities, db.notes, db.preferences, db.tasks], async () => {
    await db.people.bulkPut(seed.people);
    await db.identities.bulkPut(seed.identities);
    await db.notes.bulkPut(seed.notes);
    await db.preferences.bulkPut(seed.preferences);
    await db.tasks.bulkPut(seed.tasks);
  });
  return db;
}

export interface UpkeepTimes {
  with: number[];
  without: number[];
  put: number[];
  reasons: number[];
}

/**
 * What keeping summaries costs a capture: the same notes added, alternately, to two copies of one
 * store, one with the summary middleware and one without, beside the floor (one bare put to the
 * same database). And the at-risk reasons for one person: read their summary, say why. Runs in
 * Chromium (home-bench.ts bundles it into a page), so the figures are a browser's.
 */
export async function upkeepRounds(open: (name: string) => ClydeDB, seed: Seed, rounds: number): Promise<UpkeepTimes> {
  const [withUpkeep, without] = [await seeded(open, seed, true), await seeded(open, seed, false)];
  const times: UpkeepTimes = { with: [], without: [], put: [], reasons: [] };
  const now = new Date();
  for (let i = 0; i < rounds; i++) {
    const personId = seed.people[(i * 7919) % seed.people.length]!.id;
    for (const [db, into] of [
      [withUpkeep, times.with],
      [without, times.without],
    ] as const) {
      const t0 = performance.now();
      await addNote(db, personId, { body: `Called about the order ${i}`, tag: i % 5 ? undefined : 'complaint' });
      into.push(performance.now() - t0);
    }
    const t1 = performance.now();
    await without.meta.put({ key: `bench-${i % 10}`, value: i });
    times.put.push(performance.now() - t1);
    const t2 = performance.now();
    const summary = await withUpkeep.summaries.get(personId);
    riskReasons(summary!, now, { me: undefined });
    times.reasons.push(performance.now() - t2);
  }
  for (const db of [withUpkeep, without]) await db.delete();
  return times;
}
