import { checkOp } from '../../src/sync/authorize';
import { mergeOp } from '../../src/sync/merge';
import type { Op, PushResponse, RowState } from '../../src/sync/protocol';
import type { ServerClock } from '../sync/server-clock';
import { rowKey } from './queries';
import type { EvictionsTable, OpLogTable } from './tables';
import type { AuthContext } from './types';

/**
 * The merge step of a push (research/sync.md §4.6, step 4), in memory: no query runs here, so
 * the transaction in push.ts reads every touched row once before it and writes all results in
 * three batched statements after it.
 */

/** Who pushes, and the clock and time every op of the push is judged by. */
export interface PushContext {
  auth: AuthContext;
  clientId: string;
  clock: ServerClock;
  now: number;
}

/** What the merge step leaves for the write step. */
export interface Merged {
  /** Rows that changed, by `rowKey`, each with the seq of the last op that changed it. */
  dirty: Map<string, RowState>;
  /** Records that left the team's view, for everyone else's next pull. */
  evictions: EvictionsTable[];
  /** One entry per op with its outcome, rejected ones included. */
  log: OpLogTable[];
}

/**
 * Merges the new ops in clientSeq order; op i takes seq `firstSeq + i`. `rows` holds the current
 * rows and is updated as ops merge, so a later op on the same record sees the earlier one.
 * Rejections and re-stamps are added to `response`.
 */
export function mergeOps(fresh: Op[], firstSeq: number, rows: Map<string, RowState>, ctx: PushContext, response: PushResponse): Merged {
  const merged: Merged = { dirty: new Map(), evictions: [], log: [] };
  fresh.forEach((op, i) => mergeOne(op, firstSeq + i, rows, ctx, response, merged));
  return merged;
}

/** Clock guard, authorize, merge, and note what to write, for one op. */
function mergeOne(op: Op, seq: number, rows: Map<string, RowState>, ctx: PushContext, response: PushResponse, merged: Merged): void {
  const { auth } = ctx;
  const key = rowKey(op.entity, op.id);
  const entry = {
    client_id: ctx.clientId,
    client_seq: op.clientSeq,
    team_id: auth.teamId,
    seq,
    user_id: auth.userId,
    entity: op.entity,
    id: op.id,
    // The names only: the log outlives deletes and refusals, so it must hold no one's text.
    fields: JSON.stringify(Object.keys(op.set)),
    hlc: op.hlc,
    received_at: ctx.now,
  };
  const hlc = guardClock(op, ctx.clock, response);
  const before = rows.get(key);
  const refusal = checkOp(before, op, auth);
  if (refusal) {
    response.rejected.push({ clientSeq: op.clientSeq, ...refusal });
    merged.log.push({ ...entry, final_hlc: hlc, outcome: 'rejected', reject_code: refusal.code, reject_message: refusal.message });
    return;
  }
  const { row, changed } = mergeOp(before, { ...op, hlc }, auth);
  const fields = Object.keys(op.set).length;
  const outcome = changed.length === 0 ? 'superseded' : changed.length === fields ? 'applied' : 'partial';
  merged.log.push({ ...entry, final_hlc: hlc, outcome, reject_code: null, reject_message: null });
  if (!changed.length) return;
  const next = { ...row, rowSeq: seq };
  // Leaving the team's view: everyone but the owner must drop their copy.
  if (before?.scope === 'team' && next.scope !== 'team') {
    merged.evictions.push({ team_id: auth.teamId, seq, entity: op.entity, id: op.id, from_scope: before.scope });
  }
  rows.set(key, next);
  merged.dirty.set(key, next);
}

/**
 * The op's stamp, or ours when its stamp is too far in the future: such a stamp would win every
 * later edit (§4.3, clock guard). A re-stamp is reported so the client adopts it.
 */
function guardClock(op: Op, clock: ServerClock, response: PushResponse): string {
  if (clock.accept(op.hlc)) return op.hlc;
  const hlc = clock.stamp();
  response.rewritten.push({ clientSeq: op.clientSeq, hlc });
  return hlc;
}
