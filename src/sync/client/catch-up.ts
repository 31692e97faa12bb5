import Dexie from 'dexie';
import { CATCH_UP_PROGRESS } from '../../messaging/protocol';
import type { ClydeDB } from '../../storage/db';
import type { SyncApi } from './api';
import { getMeta, setMeta } from './state';

/**
 * The progress of a catch-up ("42,000 of 100,000"), kept in meta `catchUp` so every page shows
 * it and a worker stopped halfway resumes the count. Pull pages are ordered by seq, and a team's
 * seqs count every change, not records, so the total is asked of the server: how many records a
 * pull of the range sends. A server without that route leaves the catch-up without a count.
 */

/** Progress as the UI shows it, or undefined when no counted catch-up is running. */
export type CatchUp = NonNullable<Awaited<ReturnType<typeof catchUpOf>>>;

function catchUpOf(db: ClydeDB) {
  return getMeta(db, 'catchUp');
}

/**
 * Starts counting a catch-up of (cursor, upTo] whose first page is being applied now. Resolves to
 * a function that records the count once that page is in: the total is what was already done
 * (a resumed catch-up) plus what the server counts from `cursor`. Failures leave no count.
 */
export function startCount(db: ClydeDB, api: SyncApi, cursor: number, upTo: number): Promise<(firstPage: number) => Promise<void>> {
  const before = catchUpOf(db).then((c) => c?.done ?? 0);
  return api.countPull(cursor, upTo).then(
    (count) => async (firstPage) => {
      if (count === undefined) return;
      const done = await before;
      const progress = { done: done + firstPage, total: done + count, upTo };
      await db.transaction('rw', db.meta, () => {
        announceOnCommit(progress);
        return setMeta(db, 'catchUp', progress);
      });
    },
    () => async () => {},
  );
}

/** Inside a page's transaction: the page's records count as done. `now`: the progress read in this transaction. */
export async function advance(db: ClydeDB, rows: number, ...read: [] | [CatchUp | undefined]): Promise<void> {
  const now = read.length ? read[0] : await catchUpOf(db);
  if (!now) return;
  const next = { ...now, done: Math.min(now.total, now.done + rows) };
  announceOnCommit(next);
  await setMeta(db, 'catchUp', next);
}

/** Inside the last page's transaction (or a reset's): nothing left to count. */
export function finish(db: ClydeDB): Promise<void> {
  announceOnCommit(null);
  return db.meta.delete('catchUp');
}

/** Posts `progress` to every extension page once the current transaction commits (protocol.ts `CATCH_UP_PROGRESS`). */
function announceOnCommit(progress: CatchUp | null): void {
  Dexie.currentTransaction?.on('complete', () => {
    const channel = new BroadcastChannel(CATCH_UP_PROGRESS);
    channel.postMessage(progress);
    channel.close();
  });
}
