import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { ClydeDB } from './db';

/**
 * Live queries hear of a long run of bulk writes about once a second instead of after each
 * transaction. Dexie tells every live query, in every extension page, of each commit; for a write
 * of 50 values or more it cannot afford to say which keys (it marks the whole table and its
 * indexes), so after each page of a team catch-up (thousands of records over five tables) every
 * live query reading a record table ran again: the panel's, Home's, the reminders'. Each next
 * page waited for their reads: about a quarter of a 100k join. Listing the keys instead was
 * worse: every page then sent thousands of them to every page of the extension.
 *
 * A held transaction's changes are told with a later one's, which goes out normally: Dexie's own
 * commit handling drops what each page cached and tells everyone. The parts come from Dexie's
 * observability (`idbtrans.mutatedParts`, what its commit fires as `storagemutated`). They are
 * held in this context's memory: a worker stopped before telling leaves open pages behind until
 * the next change they hear of (the resumed catch-up's first page tells at once).
 */

type Observed = IDBTransaction & { mutatedParts?: ObservabilitySet };

let held: ObservabilitySet | undefined;
let toldAt = -Infinity;

/** How long live queries may go without hearing of held changes. */
export const TELL_EVERY_MS = 1000;

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
 * Call at the end of a read-write transaction, after its last write. Its changes are told when it
 * commits if the last were told at least `TELL_EVERY_MS` ago (with every change held since), and
 * otherwise held for a later transaction: one that calls this after the time is up, or `tellHeld`.
 */
export function holdChanges(now = Date.now()): void {
  const trans = current();
  if (now - toldAt >= TELL_EVERY_MS) return tellHeld(now);
  held = merge(held ?? {}, trans.mutatedParts ?? {});
  delete trans.mutatedParts;
}

/**
 * Call inside a read-write transaction (after its last write, if it writes): everything held is
 * told when it commits, with its own changes. The end of a run of held transactions must, or
 * live queries go on showing what was before.
 */
export function tellHeld(now = Date.now()): void {
  const trans = current();
  const told = held;
  if (told) {
    trans.mutatedParts = merge(merge({}, told), trans.mutatedParts ?? {});
    // Rolled back, this transaction tells nothing; what earlier ones committed still must be told.
    trans.addEventListener('abort', () => void (held = merge(held ?? {}, told)));
  }
  held = undefined;
  toldAt = now;
}

/** Tells what is held now, in a transaction of its own (for the end of a run that failed). */
export async function tellHeldNow(db: ClydeDB): Promise<void> {
  if (held) await db.transaction('rw', db.meta, () => tellHeld());
}
