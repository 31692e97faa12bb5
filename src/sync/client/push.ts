import type { ClydeDB, RejectedOp } from '../../storage/db';
import type { OutboxOp } from '../../storage/schema';
import { MAX_OPS_PER_PUSH, OpSchema, type Op, type PushResponse } from '../protocol';
import { SyncApiError, type SyncApi } from './api';
import { identity, receiveClock } from './round';
import type { SyncOptions } from './runner';
import { getMeta, setMeta, syncTables } from './state';
import { Touched } from './touched';
import { t } from '../../i18n';

/**
 * The push half of a round (research/sync.md §4.4, push loop): send pending outbox ops in
 * batches and record the server's answer. Acked ops stay in the outbox as `sent` until a pull
 * shows the server rows that contain them (pull.ts), so the view never flickers back.
 *
 * The outbox numbers ops locally; the server numbers a client's ops from 1. `seqBase` maps one
 * onto the other (server clientSeq = local clientSeq − base).
 */

/** A GAP answer is retried a few times per round; more means the numbering is still wrong. */
const MAX_GAP_RETRIES = 3;

/** Pushes until no op is pending; returns how many the server acked. */
export async function pushAll(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<number> {
  let pushed = 0;
  let gaps = 0;
  for (;;) {
    const me = await identity(db);
    const batch = await db.outbox.where('state').equals('pending').limit(MAX_OPS_PER_PUSH).toArray();
    const first = batch[0]?.clientSeq;
    if (first === undefined) return pushed;
    const base = await seqBase(db, me.clientId, first);
    const ops: Op[] = batch.map((o) =>
      OpSchema.parse({ clientSeq: o.clientSeq! - base, entity: o.entity, id: o.id, set: o.set, hlc: o.hlc }),
    );
    let res: PushResponse;
    try {
      res = await api.push(me.clientId, ops);
    } catch (err) {
      if (!(err instanceof SyncApiError && err.code === 'GAP' && err.extra.expectedClientSeq !== undefined && gaps++ < MAX_GAP_RETRIES))
        throw err;
      await recoverGap(db, me.clientId, base, err.extra.expectedClientSeq);
      continue;
    }
    const acked = await applyPush(db, batch, base, res, opts);
    pushed += acked;
    // An ack that covers none of the batch would loop forever; let the next round try again.
    if (acked === 0) throw new SyncApiError('NO_PROGRESS', t('syncErrors.noProgress'));
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
