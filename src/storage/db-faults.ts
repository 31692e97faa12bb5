import type Dexie from 'dexie';
import { t } from '../i18n';

/**
 * What can go wrong with the browser's storage that a person has to act on (issue #15 point 5):
 * - `quota`: the browser has no room left for Clyde; the write changed nothing.
 * - `outdated`: another Clyde page opened the database with a newer version; this page runs old
 *   code and must be reloaded.
 * - `newer`: the database on disk is newer than this code (an update in another window, or
 *   Clyde was downgraded); nothing is written until the page runs code that knows it.
 * - `blocked`: this page wants to upgrade the database and an older Clyde page still holds it.
 */
export type StorageFault = 'quota' | 'outdated' | 'newer' | 'blocked';

/** The name of the error every read and write gets while the database is newer than the code. */
const NEWER_DATABASE = 'NewerDatabaseError';

/**
 * The fault behind an error, looking through Dexie's wrappers: a quota error that aborts a
 * transaction arrives as `AbortError` with the `QuotaExceededError` as `inner`, a failed open as
 * `OpenFailedError`/`DatabaseClosedError` with `inner`, a bulk write as `BulkError` with `failures`.
 */
export function storageFaultOf(err: unknown): StorageFault | undefined {
  const seen = new Set<unknown>();
  const queue = [err];
  while (queue.length) {
    const e = queue.shift() as { name?: unknown; inner?: unknown; failures?: unknown } | null | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e.name === 'QuotaExceededError') return 'quota';
    if (e.name === NEWER_DATABASE || e.name === 'VersionError') return 'newer';
    queue.push(e.inner, ...(Array.isArray(e.failures) ? e.failures : []));
  }
  return undefined;
}

/** What to tell the person, with what to do; the write that failed changed nothing. */
export function storageFaultText(fault: StorageFault): string {
  switch (fault) {
    case 'quota':
      return t('storage.fault.quota');
    case 'outdated':
    case 'newer':
      return t('storage.fault.outdated');
    case 'blocked':
      return t('storage.fault.blocked');
  }
}

/** Reads whether storage is in trouble, for the page's notice; one per database instance. */
export interface StorageHealth {
  fault(): StorageFault | undefined;
  subscribe(listener: () => void): () => void;
}

/**
 * Watches a database for the faults other pages cause: another page's upgrade (`versionchange`:
 * Dexie closes this connection, and this page says reload), our own upgrade held up by an older
 * page (`blocked`), and a database newer than this code. The last one must stop every write: an
 * old Dexie opens a newer database anyway (it retries at the installed version) and would write
 * rows in a shape the newer code does not expect, so the open itself fails here.
 */
export function watchStorageFaults(db: Dexie): StorageHealth {
  let current: StorageFault | undefined;
  const listeners = new Set<() => void>();
  const set = (fault: StorageFault | undefined) => {
    if (fault === current) return;
    current = fault;
    for (const l of listeners) l();
  };
  // A deletion (newVersion null) is not an upgrade: Dexie reopens the emptied database itself.
  db.on('versionchange', (ev) => {
    if (ev.newVersion !== null && ev.newVersion > ev.oldVersion) set('outdated');
  });
  db.on('blocked', (ev: IDBVersionChangeEvent) => {
    if (ev.newVersion !== null && ev.newVersion > ev.oldVersion) set('blocked');
  });
  db.on(
    'ready',
    () => {
      // Dexie keeps our version ×10 natively (a schema patch it applies itself may add one).
      const installed = Math.floor(db.backendDB().version / 10);
      if (installed > db.verno) {
        set('newer');
        const err = new Error(
          `This Clyde (database version ${db.verno}) is older than the data it found (version ${installed}); it writes nothing until it is reloaded or updated.`,
        );
        err.name = NEWER_DATABASE;
        throw err;
      }
      if (current === 'blocked') set(undefined);
    },
    true,
  );
  return {
    fault: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
