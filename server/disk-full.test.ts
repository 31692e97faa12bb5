import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ErrorBodySchema } from '../src/sync/protocol';
import { createSqliteStore } from './store/sqlite';
import { newPerson, startHarness, type Harness, type Member } from './test/harness';
import { databaseUrl, scratchPostgresStore, storeCases, type StoreCase } from './test/stores';

/**
 * A store whose disk can be filled and freed by the test. The error comes from the real database
 * each time: SQLite hits a page limit (SQLITE_FULL, what a full disk gives), PostgreSQL runs a
 * trigger that raises 53100 disk_full as the server does when it cannot extend a file.
 */
interface FillableStore extends StoreCase {
  fill(): Promise<void>;
  free(): Promise<void>;
}

function fillableSqlite(): FillableStore {
  let database: Database.Database | undefined;
  return {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'clyde-server-'));
      const store = createSqliteStore({ dataDir: dir, configure: (d) => (database = d) });
      return {
        store,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async fill() {
      database!.pragma(`max_page_count = ${database!.pragma('page_count', { simple: true }) as number}`);
    },
    async free() {
      database!.pragma('max_page_count = 1073741823');
    },
  };
}

function fillablePostgres(): FillableStore {
  let schema = '';
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: databaseUrl() });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    async open() {
      const opened = await scratchPostgresStore(databaseUrl(), 4);
      schema = opened.schema;
      return opened;
    },
    fill: () =>
      admin(`
        CREATE FUNCTION ${schema}.disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file "base/16384/16385": No space left on device' USING ERRCODE = 'disk_full'; END $$;
        CREATE TRIGGER disk_full BEFORE INSERT ON ${schema}.entities FOR EACH ROW EXECUTE FUNCTION ${schema}.disk_full();`),
    free: () => admin(`DROP TRIGGER disk_full ON ${schema}.entities; DROP FUNCTION ${schema}.disk_full();`),
  };
}

const fillable: Record<StoreCase['name'], () => FillableStore> = { sqlite: fillableSqlite, postgres: fillablePostgres };

describe.each(storeCases)('a full disk ($name)', ({ name }) => {
  let disk: FillableStore;
  let h: Harness;
  let m: Member;
  let logged: MockInstance<typeof console.error>;
  beforeEach(async () => {
    disk = fillable[name]();
    h = await startHarness(disk);
    m = await h.join(await h.newTeam());
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    logged.mockRestore();
    await h.close();
  });

  // Valid ops, and enough of them to need new pages in SQLite's file (about 200 KB).
  const batch = () => Array.from({ length: 400 }, (_, i) => newPerson(i + 1, `p${i}`, m, { company: `${i} ${'x'.repeat(480)}` }));

  it('answers 507 with a code the client acts on, writes nothing, and logs the database’s own error', async () => {
    await disk.fill();
    const res = await m.push(batch());
    expect(res.status).toBe(507);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.code).toBe('STORAGE_FULL');
    expect(body.message).toMatch(/out of disk space/);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|53100|base\/|INSERT/);

    // The operator sees what the database said, not "cannot rollback - no transaction is active".
    const lines = logged.mock.calls.map((args) =>
      args.map((a) => (a instanceof Error ? `${a.message} ${String((a as { code?: string }).code)}` : String(a))).join(' '),
    );
    const expected = name === 'sqlite' ? /database or disk is full SQLITE_FULL/ : /No space left on device 53100/;
    expect(lines.some((l) => expected.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/cannot rollback/);

    await disk.free();
    expect((await m.pullOk()).rows).toEqual([]);
  });

  it('takes the same ops once there is room again', async () => {
    await disk.fill();
    expect((await m.push(batch())).status).toBe(507);
    await disk.free();
    expect(await m.pushOk(batch())).toMatchObject({ ackedThrough: 400, rejected: [] });
    expect((await m.pullOk({ limit: 1000 })).rows).toHaveLength(400);
  });
});
