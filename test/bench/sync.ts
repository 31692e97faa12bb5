import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { benchOps } from '../../server/bench-data';
import { loadTeam, postgresStore, sqliteStore, timeCatchUps, type OpenStore } from '../../server/bench';
import { inviteLink, issueInvite } from '../../server/invites';
import { startHarness, type Harness, type Member } from '../../server/test/harness';
import { updatePerson } from '../../src/storage/records/people';
import { joinTeam } from '../../src/sync/client/account';
import { createSyncApi, type Fetch } from '../../src/sync/client/api';
import { syncOnce } from '../../src/sync/client/runner';
import { freshClientDb } from '../support/db';
import { apiFor } from '../support/sync-client';
import { quantile } from './stats';

/**
 * Team sync (research/sync.md §7 B1–B3) against the in-process server on SQLite and, when one is
 * reachable, PostgreSQL: the server's own figures (B1 bootstrap served over loopback HTTP, B3
 * pushes committed) and the real client engine's (outbox, pull pages applied in Dexie
 * transactions, views derived per record) on fake-indexeddb. fake-indexeddb and a browser's
 * IndexedDB cost differently (Chromium pays far more per put and per index entry), so the client
 * bootstrap is also measured in Chromium by sync-browser.ts.
 */

export interface SyncFigures {
  store: string;
  records: number;
  /** Server alone: committed ops/s loading the team in 100-op pushes. */
  serverPushOpsPerSec: number;
  /**
   * Research B1 (sync.md §7, "100k bootstrap server-side < 10 s on loopback"): a fresh member
   * pulls every record over real HTTP on 127.0.0.1 through the client's own API (requests,
   * JSON, response validation), 1000 rows a page, nothing written to IndexedDB.
   */
  loopbackBootstrapMs: number;
  /** Fresh client: join, then one sync round that pulls and applies every record. */
  bootstrapMs: number;
  bootstrapRows: number;
  /** A teammate pushed 10 changes; one client round (push nothing, pull, apply). */
  incrementalP50Ms: number;
  incrementalP95Ms: number;
  /** Client edits already in the outbox, pushed 500 a request, plus the pull that confirms them. */
  clientPushOpsPerSec: number;
}

const URL_BASE = 'https://bench.sync.test';
/** What scripts/test-server.sh sets up; DATABASE_URL wins. */
const TEST_DATABASE_URL = 'postgres://clyde_test:clyde_test_pw@127.0.0.1:5432/clyde_test';

async function benchOneStore(name: string, open: OpenStore, records: number, rounds: number, clientOps: number): Promise<SyncFigures> {
  const h = await startHarness({ name: 'sqlite', open });
  const { db } = freshClientDb(`bench-sync-${name}`);
  try {
    const team = await h.newTeam('bench');
    const writer = await h.join(team);
    const serverPushOpsPerSec = await loadTeam(writer, records);
    const shared = [...benchOps(records, writer)].filter((op) => op.set.scope === 'team').length;
    const loopbackBootstrapMs = await loopbackBootstrap(h, await h.join(team), shared);

    const fetch: Fetch = async (url, init) => h.app.request(url, init);
    await joinTeam(db, { inviteCode: await invite(h, team), deviceName: 'bench' }, { fetch });
    const api = await apiFor(db, fetch);
    const opts = { now: Date.now };

    const bootStart = performance.now();
    const boot = await syncOnce(db, api, opts);
    const bootstrapMs = performance.now() - bootStart;

    const timings = await timeCatchUps(writer, records, rounds, async () => void (await syncOnce(db, api, opts)));

    const blocks = Math.max(1, Math.floor(records / 100));
    for (let i = 0; i < clientOps; i++) await updatePerson(db, `p-${i % blocks}-${i % 15}`, { headline: `edit ${i}` });
    const pushStart = performance.now();
    const { pushed } = await syncOnce(db, api, opts);
    const clientPushOpsPerSec = pushed / ((performance.now() - pushStart) / 1000);
    if (pushed !== clientOps || (await db.outbox.count()) !== 0) throw new Error(`pushed ${pushed} of ${clientOps} client ops`);

    return {
      store: name,
      records,
      serverPushOpsPerSec,
      loopbackBootstrapMs,
      bootstrapMs,
      bootstrapRows: boot.pulledRows,
      incrementalP50Ms: quantile(timings, 0.5),
      incrementalP95Ms: quantile(timings, 0.95),
      clientPushOpsPerSec,
    };
  } finally {
    db.close();
    await h.close();
  }
}

/** Pulls the whole team as `member` over a real local socket; checks every shared record arrived. */
async function loopbackBootstrap(h: Harness, member: Member, shared: number): Promise<number> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const api = createSyncApi({
      serverUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: member.token,
      fetch: (url, init) => fetch(url, init),
    });
    const start = performance.now();
    let rows = 0;
    let page = await api.pull({ cursor: 0, clientId: member.clientId });
    for (;;) {
      rows += page.rows.length;
      if (!page.hasMore) break;
      page = await api.pull({ cursor: page.cursor, clientId: member.clientId, upTo: page.upTo });
    }
    const ms = performance.now() - start;
    if (rows !== shared) throw new Error(`loopback bootstrap received ${rows} of ${shared} shared rows`);
    return ms;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function invite(h: Harness, teamId: string): Promise<string> {
  const now = Date.now();
  const { code } = await issueInvite(h.store, now, {
    teamId,
    role: 'member',
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: now + 600_000,
  });
  return inviteLink(URL_BASE, code);
}

/** A PostgreSQL URL that answers within two seconds, or undefined. */
async function reachablePostgres(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function syncBench({ records = 100_000, rounds = 40, clientOps = 2000 } = {}): Promise<{
  figures: SyncFigures[];
  skipped?: string;
}> {
  const figures = [await benchOneStore('SQLite', sqliteStore, records, rounds, clientOps)];
  const url = await reachablePostgres();
  if (!url) return { figures, skipped: 'skipped: no PostgreSQL (set DATABASE_URL or run npm run test:server once to set one up)' };
  figures.push(await benchOneStore('PostgreSQL', () => postgresStore(url), records, rounds, clientOps));
  return { figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { figures, skipped } = await syncBench();
  console.table(figures);
  if (skipped) console.log(skipped);
}
