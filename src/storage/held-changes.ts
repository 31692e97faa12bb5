import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { ClydeDB } from './db';

/**
 * Live queries hear of a long run of bulk writes every few seconds (of its progress, in `meta`,
 * each second) instead of after each transaction. Dexie tells every live query, in every
 * extension page, of each commit; for a write of 50 values or more it cannot afford to say which
 * keys (it marks the whole table and its indexes), so after each page of a team catch-up
 * (thousands of records over five tables) every live query reading a record table ran again: the
 * panel's, Home's, the reminders'. Each next page waited for their reads: about a quarter of a
 * 100k join. Listing the keys instead was worse: every page then sent thousands of them to every
 * page of the extension.
 *
 * A held transaction's changes are told with a later one's, which goes out normally: Dexie's own
 * commit handling drops what each page cached and tells everyone. The parts come from Dexie's
 * observability (`idbtrans.mutatedParts`, what its commit fires as `storagemutated`). They are
 * held in this context's memory: a worker stopped before telling leaves open pages behind until
 * the next change they hear of (the resumed catch-up's first page tells at once).
 */

type Observed = IDBTransaction & { mutatedParts?: ObservabilitySet };

/** Changes committed but not yet told, by part (`idb://clyde/<table>/<index>`). */
let held: ObservabilitySet = {};
let toldAt = -Infinity;
let recordsToldAt = -Infinity;

/** How long live queries may go without hearing of held changes to `meta`: a catch-up's progress, the sync status. */
export const TELL_EVERY_MS = 1000;
/**
 * How long they may go without hearing of the rest: the records, and what is derived from them.
 * Told each second, they made every open panel read its person's records again each second
 * while a big join wrote other people's (about 13 read transactions a time for Gmail's panel),
 * and the join's next pages waited for those reads. The person on screen comes first anyway, in
 * a prioritized pull of its own, which tells at once.
 */
export const TELL_RECORDS_EVERY_MS = 5000;

/** What Dexie's observability parts of one table start with: `idb://<database>/<table>/<index>`. */
export const tableParts = (dbName: string, table: string) => `idb://${dbName}/${table}/`;

function merge(into: ObservabilitySet, parts: ObservabilitySet): ObservabilitySet {
  for (const [part, ranges] of Object.entries(parts)) {
    const merged = new RangeSet().add(ranges);
    const known = into[part];
    into[part] = known ? merged.add(known) : merged;
  }
  return into;
}

function current(): Observed {
  const trans = Dexie.currentTransaction?.idbtrans as Observed | undefined;
  if (!trans || trans.mode !== 'readwrite') throw new Error('held changes need a read-write transaction');
  return trans;
}

/**
 * `told`, taken from what was held, is told with `trans`'s own changes when it commits. Rolled
 * back, the transaction tells nothing, and what earlier ones committed is held again.
 */
function tellOnCommit(trans: Observed, told: ObservabilitySet): void {
  if (!Object.keys(told).length) return;
  trans.mutatedParts = merge(merge({}, told), trans.mutatedParts ?? {});
  trans.addEventListener('abort', () => void merge(held, told));
}

/**
 * Call at the end of a read-write transaction, after its last write. Its changes are held, and
 * told with a later transaction's: `meta`'s when the last were told at least `TELL_EVERY_MS`
 * ago, everything when `TELL_RECORDS_EVERY_MS` ago (this transaction's too), or by `tellHeld`.
 */
export function holdChanges(now = Date.now()): void {
  const trans = current();
  if (now - recordsToldAt >= TELL_RECORDS_EVERY_MS) return tellHeld(now);
  merge(held, trans.mutatedParts ?? {});
  delete trans.mutatedParts;
  if (now - toldAt < TELL_EVERY_MS) return;
  const meta: ObservabilitySet = {};
  const metaParts = tableParts(trans.db.name, 'meta');
  for (const part of Object.keys(held).filter((part) => part.startsWith(metaParts))) {
    meta[part] = held[part]!;
    delete held[part];
  }
  tellOnCommit(trans, meta);
  toldAt = now;
}

/**
 * Call inside a read-write transaction (after its last write, if it writes): everything held is
 * told when it commits, with its own changes. The end of a run of held transactions must, or
 * live queries go on showing what was before.
 */
export function tellHeld(now = Date.now()): void {
  const trans = current();
  const told = held;
  held = {};
  tellOnCommit(trans, told);
  toldAt = recordsToldAt = now;
}

/** Tells what is held now, in a transaction of its own (for the end of a run that failed). */
export async function tellHeldNow(db: ClydeDB): Promise<void> {
  if (Object.keys(held).length) await db.transaction('rw', db.meta, () => tellHeld());
}
