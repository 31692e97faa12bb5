import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ClydeDB, db as sharedDb } from '../../src/storage/db';

/**
 * The way to get a Clyde database in a unit test or a bench: a fresh one on a fake IndexedDB of
 * its own, as a separate browser profile would have. Nothing is shared with other tests, so there
 * is nothing to delete afterwards; `reopen()` opens it again as after a restart, and
 * `indexedDB` is there for tests that open the database by name some other way (an older schema).
 */
export function freshClientDb(name = 'clyde') {
  const indexedDB = new IDBFactory();
  const reopen = () => new ClydeDB(name, { indexedDB, IDBKeyRange });
  return { db: reopen(), indexedDB, reopen };
}

/**
 * For tests of components, which read the one shared database (src/storage/db.ts): empties it,
 * so each test starts from nothing. Call it in `afterEach`.
 */
export async function emptySharedDb(): Promise<void> {
  await sharedDb.delete();
  await sharedDb.open();
}
