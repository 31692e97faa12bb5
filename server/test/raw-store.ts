import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseUrl, scratchPostgresStore, scratchSqliteStore, type StoreCase } from './stores';

/**
 * A store case that also lets a test look under the store: every byte it keeps (the SQLite files,
 * or every row of every table of the PostgreSQL schema as text) and plain SQL counts. For tests
 * that must show something is nowhere in the database, not only absent from what the API returns.
 */
export interface RawStoreCase extends StoreCase {
  /** Everything the store holds, as one string to search (latin1 for SQLite: bytes as they are). */
  everything(): Promise<string>;
  count(sql: string, ...params: unknown[]): Promise<number>;
}

export function rawStoreCases(): RawStoreCase[] {
  let dir = '';
  const sqliteCase: RawStoreCase = {
    name: 'sqlite',
    async open() {
      const opened = await scratchSqliteStore();
      dir = opened.dir;
      return opened;
    },
    async everything() {
      return readdirSync(dir)
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join('\n');
    },
    async count(sql, ...params) {
      const db = new Database(join(dir, 'clyde.sqlite'), { readonly: true });
      try {
        return Number((db.prepare(sql).get(...params) as { n: number }).n);
      } finally {
        db.close();
      }
    },
  };

  let schema = '';
  const query = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: databaseUrl(), options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const postgresCase: RawStoreCase = {
    name: 'postgres',
    async open() {
      const opened = await scratchPostgresStore(databaseUrl(), 4);
      schema = opened.schema;
      return opened;
    },
    everything: () =>
      query(async (c) => {
        const tables = await c.query<{ table_name: string }>(
          'select table_name from information_schema.tables where table_schema = $1 order by table_name',
          [schema],
        );
        const parts: string[] = [];
        for (const { table_name } of tables.rows) {
          const rows = await c.query<{ t: string }>(`select t::text as t from ${pg.escapeIdentifier(table_name)} t`);
          parts.push(`${table_name}: ${rows.rows.map((r) => r.t).join('\n')}`);
        }
        return parts.join('\n');
      }),
    count: (sql, ...params) =>
      query(async (c) => {
        // The SQLite-style `?` placeholders become $1, $2 … for PostgreSQL.
        let i = 0;
        const res = await c.query<{ n: string }>(
          sql.replace(/\?/g, () => `$${++i}`),
          params,
        );
        return Number(res.rows[0]?.n ?? 0);
      }),
  };
  return [sqliteCase, postgresCase];
}
