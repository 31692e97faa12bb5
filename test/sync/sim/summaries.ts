import { isDeepStrictEqual } from 'node:util';
import { summarizeAll } from '../../../src/storage/summaries/upkeep';
import type { SimClient } from './client';

/**
 * Home's summaries at convergence: each what a full rebuild from the client's records gives, none
 * left queued. A catch-up queues them (src/storage/summaries/queue.ts) and the simulation crashes
 * clients at random points, so this is the widest check that queued summaries always end right.
 */
export async function staleSummaries(c: SimClient): Promise<string[]> {
  const problems: string[] = [];
  const kept = new Map((await c.db.summaries.toArray()).map((s) => [s.personId, s]));
  const scratch = await summarizeAll((name) => c.db.table(name));
  for (const want of scratch) {
    if (!isDeepStrictEqual(kept.get(want.personId), want)) problems.push(`${c.name}: summary of ${want.personId} is not a full rebuild's`);
  }
  if (kept.size !== scratch.length) problems.push(`${c.name}: ${kept.size} summaries for ${scratch.length} people`);
  const queued = await c.db.summaryQueue.count();
  if (queued) problems.push(`${c.name}: ${queued} summary batches left queued`);
  return problems;
}
