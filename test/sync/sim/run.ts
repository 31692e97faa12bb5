import { getMeta } from '../../../src/storage/keys';
import { startSimServer, type SimServer } from './server';
import { SimClient } from './client';
import { divergence, droppedOps, lostWrites, readServer, refusedCreates } from './invariants';
import { isErased } from '../../../src/sync/erase';
import { SimNet } from './net';
import { archiveCompactedOps, OpTap } from './op-tap';
import { Prng } from './prng';
import { randomEdit } from './workload';
import { staleSummaries } from './summaries';

export interface SimOptions {
  steps: number;
  /** Quiescence must be reached within this many sync rounds after healing (liveness, F11). */
  maxQuietRounds: number;
  log?: (line: string) => void;
}

export const DEFAULT_SIM: SimOptions = { steps: 160, maxQuietRounds: 20 };

export interface SeedResult {
  seed: number;
  converged: boolean;
  lost: number;
  leaked: number;
  problems: string[];
  stats: {
    edits: number;
    syncs: number;
    syncErrors: number;
    crashes: number;
    restarts: number;
    rounds: number;
    rejected: number;
    restamped: number;
    evictions: number;
    /** Op log rows the server compacted, pushes refused for the team quota, restores run. */
    compacted: number;
    /** Deleted records on the server, erased to their tombstones. */
    erased: number;
    quotaRefusals: number;
    restores: number;
    /** Server rows of record schema 3's kinds, so a workload that stops making them is noticed. */
    companies: number;
    opportunities: number;
    stages: number;
  };
}

/** Virtual time starts here; far enough from 0 that skewing backwards stays positive. */
const EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * One seeded run (research/sync.md §6.2): two members, one of them on two devices, each device
 * the real client engine. Random edits, sync ticks, faulty network, crashes, server restarts and
 * clock jumps; then heal, restart the server once, sync until quiet and check the invariants.
 * `Date.now` and `crypto.randomUUID` are replaced by virtual time and the seeded stream for the
 * run, so the mutators (which read them directly) are deterministic too.
 */
export async function runSeed(seed: number, opts: SimOptions = DEFAULT_SIM): Promise<SeedResult> {
  const rng = new Prng(seed);
  let virtual = EPOCH_MS;
  let current: SimClient | undefined;
  const realNow = Date.now;
  const clientNow = () => virtual + (current?.skewMs ?? 0);
  Date.now = clientNow;
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: () => rng.uuid(), configurable: true, writable: true });

  const server: SimServer = await startSimServer({ now: () => virtual });
  archiveCompactedOps(server.dir);
  const tap = new OpTap();
  const net = new SimNet(
    rng,
    tap.wrap(() => server.fetch),
  );
  const clients = ['a1', 'a2', 'b1'].map(
    (name) => new SimClient(name, (c) => net.fetchFor({ name, userId: () => c.userId, crash: () => c.crash() })),
  );
  const stats = {
    edits: 0,
    syncs: 0,
    syncErrors: 0,
    crashes: 0,
    restarts: 0,
    rounds: 0,
    rejected: 0,
    restamped: 0,
    evictions: 0,
    compacted: 0,
    erased: 0,
    quotaRefusals: 0,
    restores: 0,
    companies: 0,
    opportunities: 0,
    stages: 0,
  };
  const as = async <T>(c: SimClient, fn: () => Promise<T>): Promise<T> => {
    current = c;
    try {
      return await fn();
    } finally {
      current = undefined;
    }
  };
  const sync = async (c: SimClient) => {
    stats.syncs++;
    await as(c, () => c.sync(clientNow)).catch(() => void stats.syncErrors++);
  };

  try {
    const [a1, a2, b1] = clients as [SimClient, SimClient, SimClient];
    // Some work before joining, owned by a local user until the join rewrites it.
    for (const c of clients) for (let i = rng.int(0, 3); i > 0; i--) await as(c, () => randomEdit(c, rng));
    await as(a1, async () => a1.join(await server.invite(), server.fetch));
    await as(a2, async () => a2.join(await server.invite(a1.userId), server.fetch));
    await as(b1, async () => b1.join(await server.invite(), server.fetch));

    for (let step = 0; step < opts.steps; step++) {
      virtual += rng.int(0, 3000);
      net.tick();
      const c = rng.pick(clients)!;
      const r = rng.next();
      if (r < 0.45) {
        if (await as(c, () => randomEdit(c, rng))) stats.edits++;
      } else if (r < 0.8) await sync(c);
      else if (r < 0.86) await net.deliverHeld();
      else if (r < 0.89) {
        c.crash();
        stats.crashes++;
      } else if (r < 0.91) {
        await server.restart();
        stats.restarts++;
      } else if (r < 0.95) {
        // Clock trouble: small drift either way, or a jump far enough ahead that the server re-stamps.
        c.skewMs = rng.chance(0.2) ? rng.int(2, 6) * 3_600_000 : rng.int(-300_000, 300_000);
      } else if (r < 0.97) net.partition(c.name, rng.int(1, 15));
      else if (r < 0.985) {
        // The team runs into its storage quota (a little room left, or none), or the admin raises it.
        const used = await server.store().teamUsage(server.teamId);
        server.setStorage(rng.chance(0.6) ? { teamQuotaBytes: used + rng.int(0, 3000) } : {});
      }
    }

    // End phase: deliver stragglers, heal, one restart of everything, then sync until quiet.
    await net.flushHeld();
    net.heal();
    server.setStorage({});
    await server.restart();
    for (const c of clients) {
      c.crash();
      c.skewMs = 0;
    }
    let quiet = false;
    while (!quiet && stats.rounds < opts.maxQuietRounds) {
      stats.rounds++;
      for (const c of clients) await sync(c);
      const head = readServer(server.dir, server.teamId).seq;
      quiet = true;
      for (const c of clients) {
        const cursor = await getMeta(c.db, 'cursor');
        if ((await c.db.outbox.count()) > 0 || cursor !== head) quiet = false;
      }
    }

    const snapshot = readServer(server.dir, server.teamId);
    // What the run exercised, so a change that stops producing these cases is noticed.
    stats.rejected = snapshot.log.filter((op) => op.outcome === 'rejected').length;
    stats.restamped = snapshot.log.filter((op) => op.final_hlc !== op.hlc).length;
    stats.evictions = snapshot.evictions;
    stats.compacted = snapshot.compacted;
    stats.erased = snapshot.rows.filter((r) => isErased(r.entity, r.values)).length;
    stats.quotaRefusals = tap.quotaRefusals;
    stats.restores = clients.reduce((n, c) => n + c.restores, 0);
    for (const entity of ['companies', 'opportunities', 'stages'] as const)
      stats[entity] = snapshot.rows.filter((r) => r.entity === entity).length;
    const lost = [...lostWrites(snapshot, tap), ...refusedCreates(snapshot, tap)];
    for (const c of clients) lost.push(...(await droppedOps(c, snapshot)));
    const diverged: string[] = quiet ? [] : [`not quiet after ${stats.rounds} rounds`];
    for (const c of clients) diverged.push(...(await divergence(c, snapshot)), ...(await staleSummaries(c)));
    const problems = [...lost, ...diverged, ...net.leaks];
    for (const p of problems.slice(0, 20)) opts.log?.(`  seed ${seed}: ${p}`);
    return { seed, converged: diverged.length === 0, lost: lost.length, leaked: net.leaks.length, problems, stats };
  } finally {
    for (const c of clients) c.db.close();
    await server.close();
    Date.now = realNow;
    Reflect.deleteProperty(globalThis.crypto, 'randomUUID');
  }
}
