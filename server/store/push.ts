import type { Op, PushRequest, PushResponse } from '../../src/sync/protocol';
import { ApiError, notFound } from '../errors';
import type { ServerClock } from '../sync/server-clock';
import { mergeOps, type Merged, type PushContext } from './push-merge';
import { chargeQuota, growthOf, sizesOf } from './quota';
import { allocateSeq, findClient, insertEvictions, insertOpLog, loadRows, lockTeam, pastOutcomes, writeRows, type Db } from './queries';
import type { AuthContext, PushOutcome } from './types';

/**
 * One push, inside one write transaction (research/sync.md §4.5–4.6). Ops already seen
 * (clientSeq ≤ last_client_seq) are acked again with their recorded outcome; a gap is a 409;
 * every new op gets its own team seq, allocated under the team row lock held to commit, and is
 * logged with its outcome, so a rejected op still advances the client.
 *
 * The steps read as §4.6's push algorithm: lock the team, claim the client, dedupe, allocate
 * seqs, read the touched rows, merge, write. The team row lock comes first and is held to
 * commit, so pushes to one team run one after another and their seqs commit in order. The
 * team's storage quota is charged under the same lock (quota.ts).
 */
export async function applyPush(
  tx: Db,
  forUpdate: boolean,
  auth: AuthContext,
  req: PushRequest,
  clock: ServerClock,
  quotaBytes: number,
): Promise<PushOutcome> {
  const now = clock.now();
  const team = await lockTeam(tx, auth.teamId, forUpdate);
  if (!team) throw notFound();
  const last = await claimClient(tx, auth, req.clientId, now);
  const fresh = newOpsAfter(req.ops, last);

  const response: PushResponse = { ackedThrough: last, rejected: [], rewritten: [], serverHlc: '', serverEpoch: team.epoch };
  await repeatPastOutcomes(tx, req, last, response);
  if (!fresh.length) {
    response.serverHlc = clock.stamp();
    return { response, seq: Number(team.seq), advanced: false };
  }

  const lastSeq = await allocateSeq(tx, auth.teamId, fresh.length);
  // Push loads the touched rows in one primary-key join (queries.ts, loadRows).
  const rows = await loadRows(tx, auth.teamId, fresh);
  const ctx: PushContext = { auth, clientId: req.clientId, clock, now };
  const sizes = sizesOf(rows);
  const merged = mergeOps(fresh, lastSeq - fresh.length + 1, rows, ctx, response);
  // Over the team's quota the whole push is refused and rolled back; the device keeps its ops.
  const growth = growthOf(sizes, merged.dirty, merged.log.length, merged.evictions.length);
  await chargeQuota(tx, auth.teamId, Number(team.used_bytes), growth, quotaBytes);
  const ackedThrough = fresh[fresh.length - 1]?.clientSeq ?? last;
  await writeMerged(tx, merged, ctx, ackedThrough);
  response.ackedThrough = ackedThrough;
  response.serverHlc = clock.stamp();
  return { response, seq: lastSeq, advanced: true };
}

/**
 * Authorize the clientId: it must be this user's, and is registered on first use. Returns the
 * last clientSeq the server has from it. Another user's clientId is answered as an unknown one.
 */
async function claimClient(tx: Db, auth: AuthContext, clientId: string, now: number): Promise<number> {
  const client = await findClient(tx, clientId);
  if (client && client.user_id !== auth.userId) throw notFound('Unknown client.');
  if (!client) {
    await tx
      .insertInto('clients')
      .values({ client_id: clientId, team_id: auth.teamId, user_id: auth.userId, last_client_seq: 0, last_seen_at: now })
      .execute();
  }
  return Number(client?.last_client_seq ?? 0);
}

/**
 * Dedupe by (clientId, clientSeq): the ops after `last`, which must continue from it. A hole
 * is a 409 GAP naming the clientSeq to resend from; applying past it would lose the ops between.
 */
function newOpsAfter(ops: Op[], last: number): Op[] {
  const fresh = ops.filter((op) => op.clientSeq > last);
  const first = fresh[0];
  if (first && first.clientSeq !== last + 1) {
    throw new ApiError(409, 'GAP', `Expected clientSeq ${last + 1}.`, { expectedClientSeq: last + 1 });
  }
  return fresh;
}

/**
 * Ops the server already has are acked again, and a client that missed the first ack (the
 * response was lost) must still learn of their rejections and re-stamps: read them back from
 * the op log into `response`.
 */
async function repeatPastOutcomes(tx: Db, req: PushRequest, last: number, response: PushResponse): Promise<void> {
  const seen = req.ops.filter((op) => op.clientSeq <= last);
  const firstSeen = seen[0];
  const lastSeen = seen[seen.length - 1];
  if (!firstSeen || !lastSeen) return;
  for (const past of await pastOutcomes(tx, req.clientId, firstSeen.clientSeq, lastSeen.clientSeq)) {
    const clientSeq = Number(past.client_seq);
    if (past.outcome === 'rejected')
      response.rejected.push({ clientSeq, code: past.reject_code ?? 'INVALID', message: past.reject_message ?? '' });
    else response.rewritten.push({ clientSeq, hlc: past.final_hlc });
  }
}

/** Write the merge's results, a batched statement each, then advance the client to `ackedThrough`. */
async function writeMerged(tx: Db, merged: Merged, ctx: PushContext, ackedThrough: number): Promise<void> {
  await writeRows(tx, ctx.auth.teamId, [...merged.dirty.values()], ctx.now);
  await insertEvictions(tx, merged.evictions);
  await insertOpLog(tx, merged.log);
  await tx
    .updateTable('clients')
    .set({ last_client_seq: ackedThrough, last_seen_at: ctx.now })
    .where('client_id', '=', ctx.clientId)
    .execute();
}
