import Dexie, { type DBCoreTransaction, type Table } from 'dexie';
import type { ClydeDB } from '../db';
import { relaxed } from '../durability';
import { holdChanges, tellHeld } from '../held-changes';
import type { PagesSeen } from './pages-seen';
import { summarize, type Summary } from './summary';
import { groupBy } from '../../group-by';

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
  /** Everyone's summary is to be rebuilt (`rebuildSummariesLater`); `people` is then empty. */
  all?: true;
}

/**
 * Transactions whose summary upkeep is left for later (see `deferSummaries`): 'people' queues the
 * people each write touches, 'all' nothing, since every summary is rebuilt anyway.
 */
const deferred = new WeakMap<object, 'people' | 'all'>();

export const deferredMode = (trans: DBCoreTransaction) => deferred.get(trans);

/**
 * Lets the current transaction's record writes queue their people's summaries instead of
 * recomputing them. Only for writes nobody looks at one by one (a catch-up's pages): Home may show
 * those people's old summaries until `summarizeQueued` runs, and the user's own writes must never
 * be deferred. Call inside a read-write transaction over a record table.
 */
export function deferSummaries(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) throw new Error('deferSummaries must run inside a transaction');
  if (!deferred.has(trans)) deferred.set(trans, 'people');
}

/**
 * `deferSummaries` for a catch-up that brings more than the device holds (a first join): every
 * summary is rebuilt after it, so its writes queue nobody and need not read each record's previous
 * row to learn whom it belonged to (a read per record, a third of a page's time). The one queue row
 * that says so is written in the current transaction, so a worker stopped halfway still rebuilds.
 * With `seen`, the page's writes are kept in memory for the rebuild (pages-seen.ts).
 */
export function rebuildSummariesLater(db: ClydeDB, seen?: PagesSeen): Promise<unknown> {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) return Dexie.Promise.reject(new Error('rebuildSummariesLater must run inside a transaction'));
  // Marked at once and Dexie's own promise returned, as deferWordIndex (search-index.ts) does.
  deferred.set(trans, 'all');
  const row = db.summaryQueue.add({ people: [], all: true });
  return seen ? seen.watch(db, trans, row) : row;
}

/**
 * About this many people per transaction: reading their notes and tasks takes a few hundred
 * milliseconds at most, so the panel's own reads and the user's writes are never held up for long.
 */
const BATCH_PEOPLE = 500;
/**
 * From memory a batch only writes, so it takes as many as a pull page's records: each holds the
 * tables about as long as a page does (a third of a second at 100k), and fewer transactions cost
 * less (2,500 summaries a transaction put in 2.2 s against 2.7 s in 500s, at 15k).
 */
const BATCH_REMEMBERED = 2500;

/**
 * Rebuilds the summaries of every queued person from their records as they are now, in batches
 * of people in id order, one transaction each, then drops the queue rows it read. Each summary is
 * computed inside the transaction that writes it, so a write between batches is never undone; a
 * row queued meanwhile stays for the next call. A worker stopped halfway leaves the queue as it
 * was, and the next call does it all again (the same summaries; nothing is lost). With `seen`,
 * the records a first join's pages wrote come from memory where it holds all of a person's
 * (pages-seen.ts). Returns the people summarized.
 */
export async function summarizeQueued(db: ClydeDB, seen?: PagesSeen): Promise<number> {
  const queued = await db.summaryQueue.toArray();
  if (!queued.length) return 0;
  const all = queued.some((r) => r.all);
  const memory = all && seen?.covers(queued) ? seen : undefined;
  const ids = memory ? memory.ids(queued) : all ? await everyone(db) : [...new Set(queued.flatMap((r) => r.people))].sort();
  const tables = [db.summaries, db.people, db.notes, db.tasks, db.personal, db.summaryQueue];
  const size = memory ? BATCH_REMEMBERED : BATCH_PEOPLE;
  for (let i = 0; i < ids.length; i += size) {
    const batch = ids.slice(i, i + size);
    // Relaxed: rebuilt from the queue, which goes only after the last batch (durability.ts).
    await relaxed(() =>
      db.transaction('rw', tables, async () => {
        await write(db, memory ? await remembered(db, memory, batch) : await fromRecords(db, batch, all));
        // Home hears of the batches about once a second, and of the last with the queue's end (held-changes.ts).
        holdChanges();
      }),
    );
  }
  await db.transaction('rw', db.summaryQueue, async () => {
    await db.summaryQueue.bulkDelete(queued.map((r) => r.n!));
    tellHeld();
  });
  return ids.length;
}

/** The people's summaries (undefined: none), the person or their records gone. */
type Summaries = Map<string, Summary | undefined>;

async function write(db: ClydeDB, next: Summaries): Promise<void> {
  const values = [...next.values()].filter((s) => s !== undefined);
  const gone = [...next].filter(([, s]) => !s).map(([id]) => id);
  await db.summaries.bulkPut(values);
  await db.summaries.bulkDelete(gone);
}

/**
 * The summaries of `ids` from the pages' records in memory, but for those somebody else wrote to
 * meanwhile, as the queue read in this transaction says: theirs are read.
 */
async function remembered(db: ClydeDB, seen: PagesSeen, ids: string[]): Promise<Summaries> {
  const { known, unknown } = seen.split(ids, await db.summaryQueue.toArray());
  if (unknown.length) for (const [id, s] of await fromRecords(db, unknown, false)) known.set(id, s);
  return known;
}

/** Every person with a record or a summary, sorted: a summary whose person is gone is dropped by the rebuild. */
async function everyone(db: ClydeDB): Promise<string[]> {
  const [people, summarized] = await Promise.all([db.people.toCollection().primaryKeys(), db.summaries.toCollection().primaryKeys()]);
  return [...new Set([...people, ...summarized])].sort();
}

/**
 * The summaries of `ids` (sorted), from their records as they are in this transaction. `whole`:
 * the ids are every person there is, so they are known to be dense without counting.
 */
async function fromRecords(db: ClydeDB, ids: string[], whole: boolean): Promise<Summaries> {
  const [lo, hi] = [ids[0]!, ids.at(-1)!];
  const want = new Set(ids);
  // A catch-up queues nearly everyone, in runs of neighbouring ids: then one read of the id
  // range per table beats a lookup per person (an IndexedDB request each) by far. A few people
  // scattered over a big team are looked up one by one instead.
  const dense = whole || (await db.people.where(':id').between(lo, hi, true, true).count()) <= 2 * ids.length;
  const about = <T extends { personId: string }, I>(table: Table<T, string, I>) =>
    dense
      ? // Filtered here, not by Dexie: a Dexie filter walks a cursor, a request per row.
        table
          .where('personId')
          .between(lo, hi, true, true)
          .toArray()
          .then((rows) => rows.filter((r) => want.has(r.personId)))
      : table.where('personId').anyOf(ids).toArray();
  const byId = async <T, I>(table: Table<T, string, I>, key: (row: T) => string) => {
    if (!dense) return table.bulkGet(ids);
    const rows = new Map((await table.where(':id').between(lo, hi, true, true).toArray()).map((r) => [key(r), r]));
    return ids.map((id) => rows.get(id));
  };
  const [persons, notes, tasks, personal] = await Promise.all([
    byId(db.people, (p) => p.id),
    about(db.notes),
    about(db.tasks),
    byId(db.personal, (p) => p.personId),
  ]);
  const [n, t] = [groupBy(notes, (r) => r.personId), groupBy(tasks, (r) => r.personId)];
  return new Map(ids.map((id, i) => [id, summarize(persons[i], n.get(id) ?? [], t.get(id) ?? [], personal[i])]));
}
