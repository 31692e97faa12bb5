import { pathToFileURL } from 'node:url';
import { formatHlc } from '../src/sync/hlc';
import type { Op, RowState } from '../src/sync/protocol';
import { benchOps } from './bench-data';
import { startHarness, type Member } from './test/harness';
import { scratchPostgresStore, scratchSqliteStore, type OpenedStore } from './test/stores';

/**
 * Server benchmarks (research/sync.md §7, B1–B3), in process through `app.request()` so the
 * figures are server time (routing, validation, SQL, JSON) without sockets:
 * - push: ops/s for one team, one client, 100-op batches, while loading `records` records;
 * - bootstrap: a fresh client of another member pulls everything, 1000 rows a page;
 * - incremental: p50/p95 of a catch-up pull after 10 new changes, at full size.
 * PostgreSQL runs only when DATABASE_URL is set (in a throwaway schema).
 */

interface StoreFigures {
  records: number;
  pushOpsPerSec: number;
  bootstrapMs: number;
  bootstrapPages: number;
  bootstrapRows: number;
  incrementalP50Ms: number;
  incrementalP95Ms: number;
}

interface BenchOptions {
  records?: number;
  databaseUrl?: string;
  incrementalRounds?: number;
  print?: boolean;
}

const BATCH = 100;
const PAGE = 1000;

export type OpenStore = () => Promise<OpenedStore>;

/** Loads the benchmark team through `writer` in 100-op pushes; returns committed ops per second. */
export async function loadTeam(writer: Member, records: number): Promise<number> {
  let batch: Op[] = [];
  const pushStart = performance.now();
  for (const op of benchOps(records, writer)) {
    batch.push(op);
    if (batch.length === BATCH) {
      await writer.pushOk(batch);
      batch = [];
    }
  }
  if (batch.length) await writer.pushOk(batch);
  return records / ((performance.now() - pushStart) / 1000);
}

async function benchStore(open: OpenStore, records: number, rounds: number): Promise<StoreFigures> {
  const h = await startHarness({ name: 'sqlite', open });
  try {
    const team = await h.newTeam('bench');
    const writer = await h.join(team);
    const reader = await h.join(team);
    const pushOpsPerSec = await loadTeam(writer, records);

    // The in-memory client: the latest row per record, as a fresh extension would keep it.
    const local = new Map<string, RowState>();
    const bootStart = performance.now();
    const pages = await reader.pullAll(0, PAGE);
    for (const page of pages) for (const row of page.rows) local.set(`${row.entity}/${row.id}`, row);
    const bootstrapMs = performance.now() - bootStart;
    let cursor = pages.at(-1)?.cursor ?? 0;

    const timings = await timeCatchUps(writer, records, rounds, async () => {
      const caughtUp = await reader.pullAll(cursor, PAGE);
      cursor = caughtUp.at(-1)?.cursor ?? cursor;
    });
    timings.sort((x, y) => x - y);
    const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0;
    return {
      records,
      pushOpsPerSec,
      bootstrapMs,
      bootstrapPages: pages.length,
      bootstrapRows: local.size,
      incrementalP50Ms: pct(0.5),
      incrementalP95Ms: pct(0.95),
    };
  } finally {
    await h.close();
  }
}

export const sqliteStore: OpenStore = scratchSqliteStore;
export const postgresStore = (url: string) => scratchPostgresStore(url);

/**
 * The incremental-pull workload: `rounds` times, `writer` (who loaded `records` ops) pushes ten
 * edits and `catchUp` is timed bringing a reader up to date. Returns the timings.
 */
export async function timeCatchUps(writer: Member, records: number, rounds: number, catchUp: () => Promise<void>): Promise<number[]> {
  const timings: number[] = [];
  let seq = records;
  for (let round = 0; round < rounds; round++) {
    const changes = tenChanges(round, seq, writer.clientId);
    seq += changes.length;
    await writer.pushOk(changes);
    const t = performance.now();
    await catchUp();
    timings.push(performance.now() - t);
  }
  return timings;
}

/** Ten edits by `writer` in round `round`, numbered on from `firstSeq`. */
function tenChanges(round: number, firstSeq: number, clientId: string): Op[] {
  return Array.from({ length: 10 }, (_, i): Op => ({
    clientSeq: firstSeq + i + 1,
    entity: 'people',
    id: `p-${round}-${i}`,
    hlc: formatHlc({ wall: Date.now() + round, counter: i, node: clientId }),
    set: { company: `changed ${round}` },
  }));
}

async function runServerBench(opts: BenchOptions = {}): Promise<Record<string, StoreFigures>> {
  const records = opts.records ?? 100_000;
  const rounds = opts.incrementalRounds ?? 40;
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  const results: Record<string, StoreFigures> = { sqlite: await benchStore(sqliteStore, records, rounds) };
  if (url) results.postgres = await benchStore(() => postgresStore(url), records, rounds);
  if (opts.print ?? true) {
    const round = (n: number) => Math.round(n * 10) / 10;
    console.table(
      Object.fromEntries(
        Object.entries(results).map(([name, f]) => [
          name,
          {
            records: f.records,
            'push ops/s (100/batch)': Math.round(f.pushOpsPerSec),
            'bootstrap ms': Math.round(f.bootstrapMs),
            'bootstrap pages': f.bootstrapPages,
            'rows received': f.bootstrapRows,
            'incremental p50 ms': round(f.incrementalP50Ms),
            'incremental p95 ms': round(f.incrementalP95Ms),
          },
        ]),
      ),
    );
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runServerBench();
