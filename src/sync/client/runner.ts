import type { ClydeDB } from '../../storage/db';
import { storageFaultOf } from '../../storage/db-faults';
import { indexQueued } from '../../storage/search/index-queued';
import { summarizeQueued } from '../../storage/summaries/queue';
import { SyncApiError, type SyncApi } from './api';
import type { Prioritized } from './about';
import { pullAll, type PagesKept } from './pull';
import { pushAll } from './push';
import { getMeta, setMeta } from './state';
import { learnTeamDetails } from './team-details';

/** The server's answer (507) when the team has used its storage quota (server/store/quota.ts). */
const TEAM_QUOTA_EXCEEDED = 'TEAM_QUOTA_EXCEEDED';

export interface SyncOptions {
  /** Wall clock for the clock merge and the status line (the simulator passes virtual time). */
  now: () => number;
  pullLimit?: number;
  /**
   * The caller derives what this round's pages left queued itself: search's words
   * (`indexQueued`), then Home's summaries (`summarizeQueued`), given `SyncResult.seen`. The
   * background does, after it lets go of the sync lock: indexing a big bootstrap for search takes
   * longer than pulling it, and meanwhile the user's own edits must still go out.
   */
  leaveDerived?: boolean;
  /** Records a prioritized pull of this device brought during the round (about.ts); the background's. */
  prioritized?: Prioritized;
}

export interface SyncResult {
  pushed: number;
  pulledRows: number;
  /** A first join's pages, kept for search's indexing and the rebuild of Home's summaries, when left to the caller. */
  seen?: PagesKept;
}

/**
 * One sync round (research/sync.md §4.4): push every pending op, then pull to the server's
 * current seq. Every step that changes local state is one Dexie transaction, so a worker killed
 * at any moment resumes from what is in IndexedDB. Records its outcome in meta `syncStatus`
 * and rethrows failures (as `SyncApiError` when they came from the server) for the caller's backoff.
 */
export async function syncOnce(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<SyncResult> {
  try {
    // A team over its storage quota refuses pushes but still sends what teammates changed (their
    // deletes may be what frees the space); the ops wait in the outbox and the error is recorded.
    let refused: SyncApiError | undefined;
    const pushed = await pushAll(db, api, opts).catch((err: unknown) => {
      if (!(err instanceof SyncApiError && err.code === TEAM_QUOTA_EXCEEDED)) throw err;
      refused = err;
      return 0;
    });
    const { rows: pulledRows, seen } = await pullAll(db, api, opts);
    await learnTeamDetails(db, api);
    if (refused) throw refused;
    await recordStatus(db, { lastSyncAt: opts.now() });
    // The records are in and the status says so; search, then Home, catch up on the big pages last.
    if (opts.leaveDerived) return { pushed, pulledRows, ...(seen ? { seen } : {}) };
    await indexQueued(db, seen?.words);
    await summarizeQueued(db, seen?.summaries);
    return { pushed, pulledRows };
  } catch (err) {
    const lastError = err instanceof SyncApiError ? { code: err.code, message: err.message } : localError(err);
    await recordStatus(db, { lastError }).catch(() => undefined);
    throw err;
  }
}

/** A failure of this device's own storage, named so the status line can say what to do. */
function localError(err: unknown): { code: string; message: string } {
  const fault = storageFaultOf(err);
  if (fault === 'quota') return { code: 'LOCAL_STORAGE_FULL', message: String(err) };
  if (fault) return { code: 'LOCAL_OUTDATED', message: String(err) };
  return { code: 'LOCAL', message: String(err) };
}

/** The status line the UI shows (meta `syncStatus`); a success drops the last error. */
async function recordStatus(db: ClydeDB, update: { lastSyncAt?: number; lastError?: { code: string; message: string } }) {
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    const prev = await getMeta(db, 'syncStatus');
    const pending = await db.outbox.where('state').equals('pending').count();
    const lastSyncAt = update.lastSyncAt ?? prev?.lastSyncAt;
    await setMeta(db, 'syncStatus', {
      pending,
      ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
      ...(update.lastError ? { lastError: update.lastError } : {}),
    });
  });
}
