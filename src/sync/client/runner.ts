import type { ClydeDB, RejectedOp } from '../../storage/db';
import type { OutboxOp } from '../../storage/schema';
import { deferWordIndex, indexQueued } from '../../storage/search-index';
import { MAX_OPS_PER_PUSH, OpSchema, type Op, type PullResponse, type PushResponse } from '../protocol';
import { SyncApiError, type SyncApi } from './api';
import { identity, receiveClock } from './round';
import { getMeta, setMeta, syncTables, VIEW_ENTITIES } from './state';
import { Touched } from './touched';

export interface SyncOptions {
  /** Wall clock for the clock merge and the status line (the simulator passes virtual time). */
  now: () => number;
  pullLimit?: number;
  /**
   * The caller indexes the search pages this round queued (`indexQueued`) itself. The background
   * does, after it lets go of the sync lock: indexing a big bootstrap for search takes longer
   * than pulling it, and meanwhile the user's own edits must still go out.
   */
  leaveIndexing?: boolean;
}

export interface SyncResult {
  pushed: number;
  pulledRows: number;
}

/** A GAP answer is retried a few times per round; more means the numbering is still wrong. */
const MAX_GAP_RETRIES = 3;

/**
 * One sync round (research/sync.md §4.4): push every pending op, then pull to the server's
 * current seq. Every step that changes local state is one Dexie transaction, so a worker killed
 * at any moment resumes from what is in IndexedDB. Records its outcome in meta `syncStatus`
 * and rethrows failures (as `SyncApiError` when they came from the server) for the caller's backoff.
 */
export async function syncOnce(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<SyncResult> {
  try {
    const pushed = await pushAll(db, api, opts);
    const pulledRows = await pullAll(db, api, opts);
    await recordStatus(db, { lastSyncAt: opts.now() });
    // The records are in and the status says so; search catches up on the big pages last.
    if (!opts.leaveIndexing) await indexQueued(db);
    return { pushed, pulledRows };
  } catch (err) {
    const lastError = err instanceof SyncApiError ? { code: err.code, message: err.message } : { code: 'LOCAL', message: String(err) };
    await recordStatus(db, { lastError }).catch(() => undefined);
    throw err;
  }
}

async function recordStatus(db: ClydeDB, update: { lastSyncAt?: number; lastError?: { code: string; message: string } }) {
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    const prev = await getMeta(db, 'syncStatus');
    const pending = await db.outbox.where('state').equals('pending').count();
    const lastSyncAt = update.lastSyncAt ?? prev?.lastSyncAt;
    await setMeta(db, 'syncStatus', {
      pending,
      ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
      ...(update.lastError ? { lastError: update.lastError } : {}),
    });
  });
}

async function pushAll(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<number> {
  let pushed = 0;
  let gaps = 0;
  for (;;) {
    const me = await identity(db);
    const batch = await db.outbox.where('state').equals('pending').limit(MAX_OPS_PER_PUSH).toArray();
    const first = batch[0]?.clientSeq;
    if (first === undefined) return pushed;
    const base = await seqBase(db, me.clientId, first);
    const ops: Op[] = batch.map((o) => OpSchema.parse({ clientSeq: o.clientSeq! - base, entity: o.entity, id: o.id, set: o.set, hlc: o.hlc }));
    let res: PushResponse;
    try {
      res = await api.push(me.clientId, ops);
    } catch (err) {
      if (!(err instanceof SyncApiError && err.code === 'GAP' && err.extra.expectedClientSeq !== undefined && gaps++ < MAX_GAP_RETRIES)) throw err;
      await recoverGap(db, me.clientId, base, err.extra.expectedClientSeq);
      continue;
    }
    const acked = await applyPush(db, batch, base, res, opts);
    pushed += acked;
    // An ack that covers none of the batch would loop forever; let the next round try again.
    if (acked === 0) throw new SyncApiError('NO_PROGRESS', 'The server acknowledged none of the pending changes.');
  }
}

/** Fixes the local→server numbering the first time this clientId pushes. */
async function seqBase(db: ClydeDB, clientId: string, firstPending: number): Promise<number> {
  return db.transaction('rw', [db.meta], async () => {
    const saved = await getMeta(db, 'seqBase');
    if (saved?.clientId === clientId) return saved.base;
    const base = firstPending - 1;
    await setMeta(db, 'seqBase', { clientId, base });
    await setMeta(db, 'pushed', true);
    return base;
  });
}

/**
 * The server expects an earlier clientSeq than our first pending op: it lost ops it had acked
 * (restored from a backup). Resend them if the outbox still has them; otherwise renumber so the
 * oldest op we still hold takes the expected number. Ops are idempotent, so resending is safe.
 */
async function recoverGap(db: ClydeDB, clientId: string, base: number, expected: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const local = expected + base;
    if (await db.outbox.get(local)) {
      await db.outbox.where('clientSeq').aboveOrEqual(local).modify({ state: 'pending' });
      return;
    }
    const oldest = await db.outbox.orderBy('clientSeq').first();
    if (!oldest?.clientSeq) return;
    await setMeta(db, 'seqBase', { clientId, base: oldest.clientSeq - expected });
    await db.outbox.toCollection().modify({ state: 'pending' });
  });
}

/** Marks acked ops sent, moves refused ones to `rejected`, applies re-stamps; one transaction. */
async function applyPush(db: ClydeDB, batch: OutboxOp[], base: number, res: PushResponse, opts: SyncOptions): Promise<number> {
  const rejected = new Map(res.rejected.map((r) => [r.clientSeq + base, r]));
  const rewritten = new Map(res.rewritten.map((r) => [r.clientSeq + base, r.hlc]));
  return db.transaction('rw', syncTables(db), async () => {
    const me = await identity(db);
    const touched = new Touched();
    const ackedOps = batch.filter((op) => op.clientSeq! - base <= res.ackedThrough);
    // An op may have been handled by a concurrent round (another context); skip those gone.
    const current = (await db.outbox.bulkGet(ackedOps.map((op) => op.clientSeq!))).filter((op): op is OutboxOp => op !== undefined);
    const sent: OutboxOp[] = [];
    const refused: RejectedOp[] = [];
    for (const op of current) {
      const seq = op.clientSeq!;
      const refusal = rejected.get(seq);
      if (refusal) {
        refused.push({ ...op, code: refusal.code, message: refusal.message, at: opts.now() });
        touched.add(op.entity, op.id);
        continue;
      }
      const hlc = rewritten.get(seq);
      if (hlc && hlc !== op.hlc) touched.add(op.entity, op.id);
      sent.push({ ...op, state: 'sent', hlc: hlc ?? op.hlc });
    }
    await db.outbox.bulkDelete(refused.map((op) => op.clientSeq!));
    await db.rejected.bulkAdd(refused);
    await db.outbox.bulkPut(sent);
    const acked = current.length;
    await touched.rederive(db, me.userId);
    await receiveClock(db, me.clientId, res.serverHlc, opts.now());
    return acked;
  });
}

async function pullAll(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<number> {
  let rows = 0;
  let upTo: number | undefined;
  let resets = 0;
  let ahead: Prefetch | undefined;
  for (;;) {
    const me = await identity(db);
    const cursor = (await getMeta(db, 'cursor')) ?? 0;
    const pull = (cursor: number, upTo: number | undefined) =>
      api.pull({ cursor, clientId: me.clientId, ...(opts.pullLimit ? { limit: opts.pullLimit } : {}), ...(upTo !== undefined ? { upTo } : {}) });
    // The page fetched while the last one was applied counts only if it asked for what we would ask now.
    const page = ahead && ahead.clientId === me.clientId && ahead.cursor === cursor && ahead.upTo === upTo ? await ahead.page : await pull(cursor, upTo);
    ahead = undefined;
    const epoch = await getMeta(db, 'serverEpoch');
    // A new epoch, or a server behind our cursor, means it lost history: start over from its state.
    if ((epoch !== undefined && epoch !== page.serverEpoch) || page.upTo < cursor) {
      if (resets++ > 0) throw new SyncApiError('RESET_LOOP', 'The server keeps changing its history.');
      await resetServerState(db, page.serverEpoch);
      upTo = undefined;
      continue;
    }
    // Ask for the next page while this one is written: the network and the server overlap with
    // IndexedDB. Nothing is applied out of order; a failed or unneeded fetch is simply dropped.
    if (page.hasMore) {
      ahead = { clientId: me.clientId, cursor: page.cursor, upTo: page.upTo, page: pull(page.cursor, page.upTo) };
      ahead.page.catch(() => undefined);
    }
    await applyPage(db, page, opts);
    rows += page.rows.length;
    if (!page.hasMore) return rows;
    upTo = page.upTo;
  }
}

/** Pages at least this big leave their search indexing to the end of the round (deferWordIndex). */
const DEFER_INDEX_ROWS = 200;

/** A pull request sent ahead of need, with what it asked for. */
interface Prefetch {
  clientId: string;
  cursor: number;
  upTo: number;
  page: Promise<PullResponse>;
}

/**
 * Applies one pull page in one transaction: server rows replace our copies, evictions drop
 * records we may no longer see, ops the server has reflected leave the outbox, and the views of
 * every touched record are derived again from the result.
 */
async function applyPage(db: ClydeDB, page: PullResponse, opts: SyncOptions): Promise<void> {
  await db.transaction('rw', [...syncTables(db), db.wordQueue], async () => {
    const me = await identity(db);
    const touched = new Touched();
    // Derivation decides which server rows need a copy in `srv` (sync/view.ts).
    for (const row of page.rows) touched.add(row.entity, row.id, row);
    for (const { entity, id } of page.evictions) {
      await db.srv.delete([entity, id]);
      await db.table(entity).delete(id);
      touched.add(entity, id, undefined);
    }
    const saved = await getMeta(db, 'seqBase');
    if (saved?.clientId === me.clientId && page.lastClientSeq > 0) {
      const done = db.outbox.where('clientSeq').belowOrEqual(page.lastClientSeq + saved.base).and((op) => op.state === 'sent');
      for (const op of await done.toArray()) touched.add(op.entity, op.id);
      await done.delete();
    }
    if (page.rows.length >= DEFER_INDEX_ROWS) await deferWordIndex(db, touched.list());
    await touched.rederive(db, me.userId);
    await setMeta(db, 'cursor', page.cursor);
    await setMeta(db, 'serverEpoch', page.serverEpoch);
    await receiveClock(db, me.clientId, page.serverHlc, opts.now());
  });
}

/** Forgets every server copy and re-derives the views from the outbox alone; the pull refills them. */
async function resetServerState(db: ClydeDB, epoch: string): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const me = await identity(db);
    const touched = new Touched();
    // Every server row is forgotten: the copies in `srv` and the view records standing for one.
    for (const row of await db.srv.toArray()) touched.add(row.entity, row.id, undefined);
    for (const entity of VIEW_ENTITIES) {
      const fromServer = await db.table(entity).filter((r: { rowSeq: number }) => r.rowSeq > 0).primaryKeys();
      for (const id of fromServer) touched.add(entity, id as string, undefined);
    }
    await db.srv.clear();
    // The new server may not have what the old one acknowledged: send it all again.
    await db.outbox.toCollection().modify({ state: 'pending' });
    await touched.rederive(db, me.userId);
    await setMeta(db, 'cursor', 0);
    await setMeta(db, 'serverEpoch', epoch);
  });
}
