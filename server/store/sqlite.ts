import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { kyselyStore } from './kysely-store';
import type { Db } from './queries';
import type { DB } from './tables';
import type { SyncStore } from './types';

/**
 * The embedded default store: one SQLite file in the data directory. WAL with synchronous=FULL
 * so an acknowledged push survives power loss (research/sync.md §3.3); one process is the only
 * writer, and Kysely's SQLite driver already runs one statement at a time on one connection.
 */
export function createSqliteStore(opts: {
  dataDir: string;
  fileName?: string;
  /** Runs on the opened connection; the fault tests set a size limit with it to fill the "disk". */
  configure?: (database: Database.Database) => void;
}): SyncStore {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const database = new Database(join(opts.dataDir, opts.fileName ?? 'clyde.sqlite'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A delete erases (src/sync/erase.ts): the freed bytes are zeroed, not left in free pages.
  database.pragma('secure_delete = ON');
  opts.configure?.(database);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });

  // The connection is held (under Kysely's mutex) for the whole callback, so nothing else
  // interleaves; BEGIN IMMEDIATE also takes the file's write lock up front.
  const inTransaction =
    (begin: string) =>
    <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
      db.connection().execute(async (conn) => {
        await sql.raw(begin).execute(conn);
        try {
          const result = await fn(conn);
          await sql.raw('COMMIT').execute(conn);
          return result;
        } catch (err) {
          // On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, …) SQLite has already rolled
          // the transaction back, and a ROLLBACK then fails with "cannot rollback - no transaction
          // is active": thrown, that replaced the error the operator needs to see (issue #15).
          if (database.inTransaction) {
            await sql
              .raw('ROLLBACK')
              .execute(conn)
              .catch((rollbackErr: unknown) => console.error('SQLite ROLLBACK failed after an error:', rollbackErr));
          }
          throw err;
        }
      });

  const store = kyselyStore({
    kind: 'sqlite',
    db,
    write: inTransaction('BEGIN IMMEDIATE'),
    read: inTransaction('BEGIN'),
    forUpdate: false,
    close: () => db.destroy(),
  });
  return {
    ...store,
    async compactOpLog(now, retentionMs) {
      const n = await store.compactOpLog(now, retentionMs);
      // Old page versions wait in the WAL until a checkpoint reuses it; truncating it takes erased
      // text off the disk within one sweep.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      return n;
    },
  };
}
