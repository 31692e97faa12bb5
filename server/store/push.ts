import { checkOp } from '../../src/sync/authorize';
import { mergeOp } from '../../src/sync/merge';
import type { PushRequest, RowState } from '../../src/sync/protocol';
import { ApiError, notFound } from '../errors';
import type { ServerClock } from '../sync/server-clock';
import {
  allocateSeq,
  findClient,
  insertEvictions,
  insertOpLog,
  loadRows,
  lockTeam,
  pastOutcomes,
  rowKey,
  writeRows,
  type Db,
} from './queries';
import type { EvictionsTable, OpLogTable } from './tables';
import type { AuthContext, PushOutcome } from './types';

/**
 * One push, inside one write transaction (research/sync.md §4.5–4.6). Ops already seen
 * (clientSeq ≤ last_client_seq) are acked again with their recorded outcome; a gap is a 409;
 * every new op gets its own team seq, allocated under the team row lock held to commit, and is
 * logged with its outcome, so a rejected op still advances the client.
 */
export async function applyPush(tx: Db, forUpdate: boolean, auth: AuthContext, req: PushRequest, clock: ServerClock): Promise<PushOutcome> {
  const now = clock.now();
  const team = await lockTeam(tx, auth.teamId, forUpdate);
  if (!team) throw notFound();
  const client = await findClient(tx, req.clientId);
  if (client && client.user_id !== auth.userId) throw notFound('Unknown client.');
  if (!client) {
    await tx
      .insertInto('clients')
      .values({ client_id: req.clientId, team_id: auth.teamId, user_id: auth.userId, last_client_seq: 0, last_seen_at: now })
      .execute();
  }
  const last = Number(client?.last_client_seq ?? 0);
  const fresh = req.ops.filter((op) => op.clientSeq > last);
  const first = fresh[0];
  if (first && first.clientSeq !== last + 1) {
    throw new ApiError(409, 'GAP', `Expected clientSeq ${last + 1}.`, { expectedClientSeq: last + 1 });
  }

  const response: PushOutcome['response'] = { ackedThrough: last, rejected: [], rewritten: [], serverHlc: '', serverEpoch: team.epoch };
  const seen = req.ops.filter((op) => op.clientSeq <= last);
  const firstSeen = seen[0];
  const lastSeen = seen[seen.length - 1];
  if (firstSeen && lastSeen) {
    for (const past of await pastOutcomes(tx, req.clientId, firstSeen.clientSeq, lastSeen.clientSeq)) {
      const clientSeq = Number(past.client_seq);
      if (past.outcome === 'rejected') response.rejected.push({ clientSeq, code: past.reject_code ?? 'INVALID', message: past.reject_message ?? '' });
      else response.rewritten.push({ clientSeq, hlc: past.final_hlc });
    }
  }
  if (!first) {
    response.serverHlc = clock.stamp();
    return { response, seq: Number(team.seq), advanced: false };
  }

  const lastSeq = await allocateSeq(tx, auth.teamId, fresh.length);
  const firstSeq = lastSeq - fresh.length + 1;
  const rows = await loadRows(tx, auth.teamId, fresh);
  const dirty = new Map<string, RowState>();
  const evictions: EvictionsTable[] = [];
  const log: OpLogTable[] = [];

  fresh.forEach((op, i) => {
    const seq = firstSeq + i;
    const key = rowKey(op.entity, op.id);
    const entry = { client_id: req.clientId, client_seq: op.clientSeq, team_id: auth.teamId, seq, user_id: auth.userId, entity: op.entity, id: op.id, fields: JSON.stringify(op.set), hlc: op.hlc, received_at: now };
    let hlc = op.hlc;
    // Clock guard: a stamp far in the future would win every later edit; re-stamp it with ours.
    if (!clock.accept(op.hlc)) {
      hlc = clock.stamp();
      response.rewritten.push({ clientSeq: op.clientSeq, hlc });
    }
    const before = rows.get(key);
    const refusal = checkOp(before, op, auth);
    if (refusal) {
      response.rejected.push({ clientSeq: op.clientSeq, ...refusal });
      log.push({ ...entry, final_hlc: hlc, outcome: 'rejected', reject_code: refusal.code, reject_message: refusal.message });
      return;
    }
    const { row, changed } = mergeOp(before, { ...op, hlc }, auth);
    const fields = Object.keys(op.set).length;
    const outcome = changed.length === 0 ? 'superseded' : changed.length === fields ? 'applied' : 'partial';
    log.push({ ...entry, final_hlc: hlc, outcome, reject_code: null, reject_message: null });
    if (!changed.length) return;
    const next = { ...row, rowSeq: seq };
    // Leaving the team's view: everyone but the owner must drop their copy.
    if (before?.scope === 'team' && next.scope !== 'team') {
      evictions.push({ team_id: auth.teamId, seq, entity: op.entity, id: op.id, from_scope: before.scope });
    }
    rows.set(key, next);
    dirty.set(key, next);
  });

  await writeRows(tx, auth.teamId, [...dirty.values()], now);
  await insertEvictions(tx, evictions);
  await insertOpLog(tx, log);
  const ackedThrough = fresh[fresh.length - 1]?.clientSeq ?? last;
  await tx
    .updateTable('clients')
    .set({ last_client_seq: ackedThrough, last_seen_at: now })
    .where('client_id', '=', req.clientId)
    .execute();
  response.ackedThrough = ackedThrough;
  response.serverHlc = clock.stamp();
  return { response, seq: lastSeq, advanced: true };
}
