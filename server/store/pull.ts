import { DEFAULT_PULL_LIMIT, MIN_SCHEMA_VERSION, type PullQuery, type PullResponse } from '../../src/sync/protocol';
import { EntitySchema } from '../../src/sync/protocol';
import { ApiError, notFound } from '../errors';
import type { ServerClock } from '../sync/server-clock';
import { findClient, toRowState, type Db } from './queries';
import type { AuthContext } from './types';

/**
 * One page of a pull, read in one snapshot (research/sync.md §4.6). The first page pins `upTo`
 * to the team seq; later pages pass it back so the range (cursor, upTo] stays fixed. Rows and
 * evictions are paged together: the page ends at the lower of the two streams' last seq when
 * either fills, so neither is ever skipped. Private rows of other users are filtered in SQL.
 */
export async function readPull(tx: Db, auth: AuthContext, q: PullQuery, clock: ServerClock): Promise<PullResponse> {
  const team = await tx.selectFrom('teams').select(['seq', 'epoch']).where('id', '=', auth.teamId).executeTakeFirst();
  if (!team) throw notFound();
  const client = await findClient(tx, q.clientId);
  if (client && client.user_id !== auth.userId) throw notFound('Unknown client.');
  const teamSeq = Number(team.seq);
  const upTo = q.upTo ?? teamSeq;
  if (upTo > teamSeq) throw new ApiError(400, 'BAD_CURSOR', 'upTo is ahead of the server.');
  const base = { serverEpoch: team.epoch, upTo, minSchemaVersion: MIN_SCHEMA_VERSION };

  if (q.cursor >= upTo) {
    // Nothing new; a cursor above the server's seq tells the client the server lost history.
    const lastClientSeq = await lastClientSeqAt(tx, q.clientId, Math.min(q.cursor, upTo));
    return { ...base, cursor: q.cursor, hasMore: false, rows: [], evictions: [], lastClientSeq, serverHlc: clock.stamp() };
  }

  const limit = q.limit ?? DEFAULT_PULL_LIMIT;
  const visible = ['team', `user:${auth.userId}`];
  const rows = await tx
    .selectFrom('entities')
    .selectAll()
    .where('team_id', '=', auth.teamId)
    .where('row_seq', '>', q.cursor)
    .where('row_seq', '<=', upTo)
    .where('scope', 'in', visible)
    .orderBy('row_seq')
    .limit(limit)
    .execute();
  // An eviction matters only if the record is not visible to this user now; if it is, the
  // current row (at a later seq) replaces the copy.
  const evictions = await tx
    .selectFrom('evictions as e')
    .leftJoin('entities as r', (j) => j.onRef('r.team_id', '=', 'e.team_id').onRef('r.entity', '=', 'e.entity').onRef('r.id', '=', 'e.id'))
    .select(['e.seq', 'e.entity', 'e.id'])
    .where('e.team_id', '=', auth.teamId)
    .where('e.seq', '>', q.cursor)
    .where('e.seq', '<=', upTo)
    .where('e.from_scope', 'in', visible)
    .where((eb) => eb.or([eb('r.scope', 'is', null), eb('r.scope', 'not in', visible)]))
    .orderBy('e.seq')
    .limit(limit)
    .execute();

  let cursor = upTo;
  const lastRow = rows[limit - 1];
  const lastEviction = evictions[limit - 1];
  if (lastRow) cursor = Math.min(cursor, Number(lastRow.row_seq));
  if (lastEviction) cursor = Math.min(cursor, Number(lastEviction.seq));

  return {
    ...base,
    cursor,
    hasMore: cursor < upTo,
    rows: rows.filter((r) => Number(r.row_seq) <= cursor).map(toRowState),
    evictions: evictions.filter((e) => Number(e.seq) <= cursor).map((e) => ({ entity: EntitySchema.parse(e.entity), id: e.id })),
    lastClientSeq: await lastClientSeqAt(tx, q.clientId, cursor),
    serverHlc: clock.stamp(),
  };
}

/**
 * The client's newest op whose effect is at or below `seq`. A client's ops get increasing seqs,
 * so this is a prefix of its outbox: the ops it may now drop without its view flickering back.
 */
async function lastClientSeqAt(tx: Db, clientId: string, seq: number): Promise<number> {
  const row = await tx
    .selectFrom('op_log')
    .select('client_seq')
    .where('client_id', '=', clientId)
    .where('seq', '<=', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.client_seq ?? 0);
}
