import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { kyselyStore } from './kysely-store';
import { migrateToLatest } from './migrations';
import { startPokeRelay } from './pg-pokes';
import type { DB } from './tables';
import type { PokeRelay, SyncStore } from './types';

const INT8_OID = 20;

/**
 * The PostgreSQL store for bigger teams and several server processes. Pushes run in READ
 * COMMITTED with explicit row locks (team row FOR UPDATE); pulls in one REPEATABLE READ, READ
 * ONLY snapshot. `schema` puts every table in its own schema (the tests use one per run).
 */
export function createPostgresStore(opts: { url: string; schema?: string; maxConnections?: number }): SyncStore {
  if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error('Invalid schema name.');
  // The poke relay's own connection must see the same search_path, so it names the same channel.
  const connection: pg.ClientConfig = { connectionString: opts.url, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) };
  const pool = new pg.Pool({
    ...connection,
    max: opts.maxConnections ?? 10,
    // Sequences and timestamps are BIGINT; they stay far below 2^53, so read them as numbers.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let relay: PokeRelay | undefined;

  const store = kyselyStore({
    kind: 'postgres',
    db,
    write: (fn) => db.transaction().setIsolationLevel('read committed').execute(fn),
    read: (fn) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn),
    forUpdate: true,
    async close() {
      await relay?.close();
      await db.destroy();
    },
  });
  return {
    ...store,
    async relayPokes(hub) {
      if (relay) throw new Error('This store already relays pokes for a hub.');
      relay = await startPokeRelay(hub, connection);
      return relay;
    },
    async migrate() {
      if (opts.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(opts.schema)}`.execute(db);
      await migrateToLatest(db, opts.schema);
    },
  };
}
