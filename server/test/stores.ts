import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../store/postgres';
import { createSqliteStore } from '../store/sqlite';
import type { SyncStore } from '../store/types';

/**
 * The two stores every server test runs against. PostgreSQL is not optional: without
 * DATABASE_URL the suite fails (scripts/test-server.sh provides one), so a missing database can
 * never pass as green. Each test gets a fresh SQLite directory or a fresh PostgreSQL schema.
 */
export interface StoreCase {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
}

export type OpenedStore = { store: SyncStore; cleanup: () => Promise<void> };

/** A store in a fresh data directory, removed on cleanup (tests and benches). */
export async function scratchSqliteStore(): Promise<OpenedStore & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clyde-server-'));
  const store = createSqliteStore({ dataDir: dir });
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A store in a fresh PostgreSQL schema of `url`'s database, dropped on cleanup. */
export async function scratchPostgresStore(url: string, maxConnections?: number): Promise<OpenedStore & { schema: string }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = createPostgresStore({ url, schema, maxConnections });
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const sqlite: StoreCase = { name: 'sqlite', open: scratchSqliteStore };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Run `bash scripts/test-server.sh`, which starts PostgreSQL and sets it.');
  return url;
}

const postgres: StoreCase = { name: 'postgres', open: () => scratchPostgresStore(databaseUrl(), 4) };

export const storeCases: StoreCase[] = [sqlite, postgres];
