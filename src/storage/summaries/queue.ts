import Dexie, { type DBCoreTransaction } from 'dexie';
import type { ClydeDB } from '../db';
import type { Note, Task } from '../schema';
import { summarize, type Summary } from './summary';

/**
 * Summaries left for later while a team catch-up writes pages of a thousand records: the upkeep
 * (upkeep.ts) would otherwise read every touched person's notes and tasks again on every page,
 * which made a join three times slower than the writes themselves. In a transaction marked by
 * `deferSummaries` the middleware only queues the people a write touched, in `summaryQueue`, in
 * the same transaction as the records; `summarizeQueued` then rebuilds them once, after the pull.
 * Kept in IndexedDB, not in memory, so a worker stopped halfway still rebuilds them next round.
 */

export interface SummaryQueueRow {
  n?: number;
  people: string[];
}

/** Transactions whose summary upkeep is queued instead of done (see `deferSummaries`). */
const deferred = new WeakSet<object>();

export const isDeferred = (trans: DBCoreTransaction) => deferred.has(trans);

/**
 * Lets the current transaction's record writes queue their people's summaries instead of
 * recomputing them. Only for writes nobody looks at one by one (a catch-up's pages): Home may show
 * those people's old summaries until `summarizeQueued` runs, and the user's own writes must never
 * be deferred. Call inside a read-write transaction over a record table.
 */
export function deferSummaries(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('deferSummaries must run inside a transaction');
  deferred.add(trans);
}

/**
 * About this many people per transaction: reading their notes and tasks takes a few hundred
 * milliseconds at most, so the panel's own reads and the user's writes are never held up for long.
 */
const BATCH_PEOPLE = 500;

/**
 * Rebuilds the summaries of every queued person from their records as they are now, a batch per
 * transaction, dropping the queue rows with the summaries they led to. Resumable: a worker stopped
 * halfway leaves the rest queued. A person queued twice in one batch is summarized once. Returns
 * the people summarized.
 */
export async function summarizeQueued(db: ClydeDB): Promise<number> {
  let done = 0;
  const tables = [db.summaryQueue, db.summaries, db.people, db.notes, db.tasks, db.personal];
  for (;;) {
    const count = await db.transaction('rw', tables, async () => {
      const people = new Set<string>();
      const taken: number[] = [];
      // A queue row holds at most a page's people; a few rows make a batch.
      for (const row of await db.summaryQueue.orderBy('n').limit(50).toArray()) {
        if (people.size >= BATCH_PEOPLE) break;
        taken.push(row.n!);
        for (const id of row.people) people.add(id);
      }
      if (!taken.length) return 0;
      const ids = [...people];
      const [persons, notes, tasks, personal] = await Promise.all([
        db.people.bulkGet(ids),
        db.notes.where('personId').anyOf(ids).toArray(),
        db.tasks.where('personId').anyOf(ids).toArray(),
        db.personal.bulkGet(ids),
      ]);
      const [n, t] = [byPerson(notes), byPerson(tasks)];
      const next: Summary[] = [];
      const gone: string[] = [];
      ids.forEach((id, i) => {
        const s = summarize(persons[i], n.get(id) ?? [], t.get(id) ?? [], personal[i]);
        if (s) next.push(s);
        else gone.push(id);
      });
      await db.summaries.bulkPut(next);
      await db.summaries.bulkDelete(gone);
      await db.summaryQueue.bulkDelete(taken);
      return ids.length;
    });
    if (!count) return done;
    done += count;
  }
}

function byPerson<T extends Note | Task>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.personId);
    if (list) list.push(r);
    else map.set(r.personId, [r]);
  }
  return map;
}
