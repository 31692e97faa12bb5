import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerExpectation } from '../scripts/upgrade-fixtures/server-snapshot';
import { AboutResponseSchema } from '../src/sync/about-protocol';
import { eraseInPlace } from '../src/sync/erase';
import { PROTOCOL_VERSION, PullResponseSchema, PushResponseSchema, SCHEMA_VERSION, type RowState } from '../src/sync/protocol';
import { fixturePath, frozenReleases, readFixtureJson } from '../test/support/upgrade-fixtures';
import { createApp } from './app';
import { createPostgresStore } from './store/postgres';
import { createSqliteStore } from './store/sqlite';
import type { SyncStore } from './store/types';
import { nextStamp } from './test/harness';

/**
 * A server that ran a frozen release holds exactly its committed SQLite file or PostgreSQL dump
 * (scripts/make-upgrade-fixtures.ts). Today's store opens it, runs its migrations, and every
 * device must still sign in with its token and pull back, field for field, what it pulled then.
 */

interface FrozenStore {
  store: SyncStore;
  /** Rows per table, read beside the store. */
  counts(): Promise<Record<string, number>>;
  cleanup(): Promise<void>;
}

function openSqlite(release: string): FrozenStore {
  const dir = mkdtempSync(join(tmpdir(), 'clyde-upgrade-'));
  copyFileSync(fixturePath(release, 'server.sqlite'), join(dir, 'clyde.sqlite'));
  const store = createSqliteStore({ dataDir: dir });
  return {
    store,
    async counts() {
      const db = new Database(join(dir, 'clyde.sqlite'), { readonly: true });
      try {
        const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
          name: string;
        }[];
        return Object.fromEntries(
          tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
        );
      } finally {
        db.close();
      }
    },
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The dump's schema, as the freezing script named it. */
const DUMPED_SCHEMA = 'clyde_upgrade_fixture';

async function openPostgres(release: string): Promise<FrozenStore> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Run `bash scripts/test-server.sh`, which starts PostgreSQL and sets it.');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const dump = readFileSync(fixturePath(release, 'server-postgres.sql'), 'utf8')
    .split('\n')
    .map((line) => {
      // pg_dump ≥ 15.14 fences the dump with psql-only \restrict lines; nothing else may need psql.
      if (/^\\(un)?restrict /.test(line)) return '';
      if (line.startsWith('\\')) throw new Error(`The dump needs psql for: ${line}`);
      return line.replaceAll(new RegExp(`\\b${DUMPED_SCHEMA}\\b`, 'g'), schema);
    })
    .join('\n');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(dump);
  const store = createPostgresStore({ url, schema, maxConnections: 4 });
  return {
    store,
    async counts() {
      const { rows } = await admin.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1',
        [schema],
      );
      const counts: Record<string, number> = {};
      for (const { table_name: name } of rows) {
        counts[name] = Number((await admin.query<{ n: string }>(`select count(*) as n from ${schema}."${name}"`)).rows[0]!.n);
      }
      return counts;
    },
    async cleanup() {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const STORES = [
  { name: 'sqlite', expectation: 'server-sqlite.json', open: async (release: string) => openSqlite(release) },
  { name: 'postgres', expectation: 'server-postgres.json', open: openPostgres },
];

const withoutSeq = ({ rowSeq: _seq, ...rest }: RowState) => rest;

/** What a release's row is after migration 0003: a deleted record's content is erased (src/sync/erase.ts). */
function erased(row: RowState): RowState {
  const values = { ...row.values };
  const clocks = { ...row.clocks };
  eraseInPlace(row.entity, values, clocks);
  return { ...row, values, clocks };
}

describe.each(frozenReleases())('the server of %s', (release) => {
  describe.each(STORES)('on $name, opened by today’s code', ({ expectation, open }) => {
    const expected = readFixtureJson<ServerExpectation>(release, expectation);
    const live = expected.devices.filter((d) => !d.revoked);
    let frozen: FrozenStore;
    let app: ReturnType<typeof createApp>;
    const call = (token: string, path: string, body?: unknown) =>
      app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const pullFrom0 = async (d: ServerExpectation['devices'][number]) => {
      const query = new URLSearchParams({ cursor: '0', clientId: d.clientId, schemaVersion: String(SCHEMA_VERSION), limit: '5000' });
      const res = await call(d.token, `/v1/sync/pull?${query}`);
      expect(res.status).toBe(200);
      return PullResponseSchema.parse(await res.json());
    };

    beforeAll(async () => {
      frozen = await open(release);
      await frozen.store.migrate();
      app = createApp({ store: frozen.store, limits: false });
    });
    afterAll(() => frozen.cleanup());

    it('keeps every row of every table the release had', async () => {
      const counts = await frozen.counts();
      for (const [table, n] of Object.entries(expected.tableCounts)) {
        // Migration bookkeeping grows with every migration since; it is not data.
        if (!table.startsWith('kysely_migration')) expect(counts[table], table).toBe(n);
      }
      expect(counts.entities).toBeGreaterThan(0);
    });

    it.each(live.map((d) => [d.name, d] as const))('%s signs in with its token and pulls all it had, field for field', async (_, d) => {
      const me = await call(d.token, '/v1/me');
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ userId: d.userId, teamId: d.teamId });
      const page = await pullFrom0(d);
      expect(page.hasMore).toBe(false);
      const byId = <T extends { entity: string; id: string }>(rows: T[]) =>
        [...rows].sort((x, y) => `${x.entity}/${x.id}`.localeCompare(`${y.entity}/${y.id}`));
      const before = byId(d.pulled!.rows);
      const after = byId(page.rows);
      expect(after.map(withoutSeq)).toStrictEqual(before.map(erased).map(withoutSeq));
      // A row the upgrade erased moved to a new seq, so devices pull the tombstone; others kept theirs.
      after.forEach((row, i) => {
        const old = before[i]!;
        if (erased(old).values.deleted === true && JSON.stringify(erased(old)) !== JSON.stringify(old))
          expect(row.rowSeq).toBeGreaterThan(old.rowSeq);
        else expect(row.rowSeq).toBe(old.rowSeq);
      });
      expect(page.evictions).toStrictEqual(d.pulled!.evictions);
      expect(page.lastClientSeq).toBe(d.pulled!.lastClientSeq);
    });

    it('finds what the release stored by address once the subject columns are filled in', async () => {
      let asked = 0;
      for (const d of live) {
        const rows = d.pulled!.rows;
        for (const identity of rows.filter((r) => r.entity === 'identities' && !r.values.deleted)) {
          const res = await call(d.token, '/v1/sync/about', {
            clientId: d.clientId,
            schemaVersion: SCHEMA_VERSION,
            identities: [`${identity.values.kind}:${identity.values.value}`],
          });
          expect(res.status).toBe(200);
          const found = AboutResponseSchema.parse(await res.json()).rows.map((r) => `${r.entity}/${r.id}`);
          const subject = identity.values.personId as string;
          const expected = rows.filter((r) => r.id === subject || r.values.personId === subject).map((r) => `${r.entity}/${r.id}`);
          expect(found.sort()).toEqual(expect.arrayContaining(expected));
          asked++;
        }
      }
      expect(asked).toBeGreaterThan(0);
    });

    it('keeps a revoked device out', async () => {
      const revoked = expected.devices.filter((d) => d.revoked);
      expect(revoked.length).toBeGreaterThan(0);
      for (const d of revoked) expect((await call(d.token, '/v1/me')).status).toBe(401);
    });

    it('takes record schema 3 from the same team afterwards', async () => {
      const [ada, barbara] = [live[0]!, live.find((d) => d.teamId === live[0]!.teamId && d.userId !== live[0]!.userId)!];
      const clientId = `c${randomBytes(8).toString('hex')}`;
      const push = await call(ada.token, '/v1/sync/push', {
        protocol: PROTOCOL_VERSION,
        clientId,
        schemaVersion: SCHEMA_VERSION,
        ops: [
          {
            clientSeq: 1,
            entity: 'companies',
            id: 'co-upgraded',
            hlc: nextStamp(clientId),
            set: { scope: 'team', ownerId: ada.userId, deleted: false, name: 'Acme' },
          },
        ],
      });
      expect(PushResponseSchema.parse(await push.json()).rejected).toEqual([]);
      expect((await pullFrom0(barbara)).rows.find((r) => r.id === 'co-upgraded')?.values).toMatchObject({ name: 'Acme' });
    });
  });
});
