/**
 * Freezes what a release stores, so every later release must prove it upgrades it (issue #14,
 * point 7): the extension's IndexedDB as a raw image, the team server's SQLite file and a dump
 * of its PostgreSQL schema, all written by the release's own code, and what each device pulled.
 * The upgrade tests (src/storage/db-upgrade.test.ts, server/upgrade.test.ts,
 * test/sync/upgrade.test.ts) open every folder under test/fixtures/upgrade with today's code.
 *
 * Freezing a release, before the change that moves its schema on:
 *
 *   git worktree add /tmp/clyde-freeze <the release's commit>
 *   cp -al node_modules /tmp/clyde-freeze/
 *   cp -r scripts/make-upgrade-fixtures.ts scripts/upgrade-fixtures /tmp/clyde-freeze/scripts/
 *   bash scripts/test-server.sh server/http.test.ts    # starts PostgreSQL if it is not running
 *   cd /tmp/clyde-freeze && DATABASE_URL=postgres://clyde_test:clyde_test_pw@127.0.0.1:5432/clyde_test \
 *     npx tsx scripts/make-upgrade-fixtures.ts --out <this checkout>/test/fixtures/upgrade/schema-<N>
 *   git worktree remove --force /tmp/clyde-freeze
 *
 * then commit the folder. <N> is the release's SCHEMA_VERSION. The workload (upgrade-fixtures/
 * workload.ts) calls only that release's mutators; if one changed its signature since, adapt the
 * copy, not the release. schema-2 was frozen from a8598c3 (record schema 2, Dexie version 5).
 *
 * The tokens in the fixtures belong to a throwaway team on a server that never ran anywhere.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore } from '../server/store/postgres';
import { createSqliteStore } from '../server/store/sqlite';
import { SCHEMA_VERSION } from '../src/sync/protocol';
import { dumpDatabase } from './upgrade-fixtures/idb-dump';
import { pullsOf, type ServerExpectation } from './upgrade-fixtures/server-snapshot';
import { freezeTeam } from './upgrade-fixtures/workload';

/** Named so the tests can move the dump into a fresh schema of their own. */
const PG_SCHEMA = 'clyde_upgrade_fixture';

const { values } = parseArgs({ options: { out: { type: 'string', default: `test/fixtures/upgrade/schema-${SCHEMA_VERSION}` } } });
const out = resolve(values.out);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL database this script may create and drop a schema in (see the header).');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const writeJson = (file: string, value: unknown) => writeFileSync(join(out, file), `${JSON.stringify(value, null, 2)}\n`);

// The extension database and the SQLite server come from one run: the laptop is joined to it.
const dir = mkdtempSync(join(tmpdir(), 'clyde-freeze-'));
try {
  const store = createSqliteStore({ dataDir: dir });
  const frozen = await freezeTeam(store);
  const devices = await pullsOf(frozen.app, frozen.devices);
  frozen.laptop.db.close();
  writeJson('extension-db.json', await dumpDatabase(frozen.laptop.factory, frozen.laptop.db.name));
  await store.close();
  if (existsSync(join(dir, 'clyde.sqlite-wal'))) throw new Error('The SQLite log was not checkpointed on close.');
  copyFileSync(join(dir, 'clyde.sqlite'), join(out, 'server.sqlite'));
  writeJson('server-sqlite.json', { schemaVersion: SCHEMA_VERSION, devices, tableCounts: sqliteCounts(join(dir, 'clyde.sqlite')) });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
try {
  await admin.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  const store = createPostgresStore({ url: databaseUrl, schema: PG_SCHEMA });
  const frozen = await freezeTeam(store);
  const devices = await pullsOf(frozen.app, frozen.devices);
  frozen.laptop.db.close();
  await store.close();
  const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--inserts', `--schema=${PG_SCHEMA}`, `--dbname=${databaseUrl}`], {
    encoding: 'utf8',
  });
  writeFileSync(join(out, 'server-postgres.sql'), dump);
  const expectation: ServerExpectation = { schemaVersion: SCHEMA_VERSION, devices, tableCounts: await postgresCounts(admin) };
  writeJson('server-postgres.json', expectation);
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
  await admin.end();
}
console.log(`Upgrade fixtures for record schema ${SCHEMA_VERSION} written to ${out}`);

function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

async function postgresCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ table_name: string }>(
    'select table_name from information_schema.tables where table_schema = $1 order by table_name',
    [PG_SCHEMA],
  );
  const counts: Record<string, number> = {};
  for (const { table_name: name } of rows) {
    counts[name] = Number((await client.query<{ n: string }>(`select count(*) as n from ${PG_SCHEMA}."${name}"`)).rows[0]!.n);
  }
  return counts;
}
