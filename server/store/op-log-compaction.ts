import type { ExpressionBuilder } from 'kysely';
import { addUsage } from './quota';
import type { Db } from './queries';
import { OP_LOG_ROW_BYTES } from './storage-limits';
import type { DB } from './tables';
import type { AuthContext } from './types';

/**
 * The op log keeps one row per op for two readers only: a device re-sending ops whose ack it
 * lost (their outcome is repeated, push.ts) and a pull's `lastClientSeq` (the device's newest op
 * at or below the cursor, pull.ts). Both are about the device's own ops, so a row can go once its
 * device has pulled past it, and after the retention time in any case (issue #15, point 3).
 *
 * Kept always: each device's newest row at or below what it pulled (lastClientSeq stays exact
 * for every later cursor) and its newest row of all. Kept until the retention time: refused and
 * re-stamped ops, whose outcome a device that lost the ack must still be told when it re-sends.
 */

type OpLogEb = ExpressionBuilder<DB, 'op_log'>;

/** An op whose outcome says nothing a plain ack does not. */
const plainOutcome = (eb: OpLogEb) => eb.and([eb('outcome', '!=', 'rejected'), eb('final_hlc', '=', eb.ref('hlc'))]);

/**
 * A pull that asks from `cursor` proves its device applied everything through it, and with it
 * the `lastClientSeq` that let it drop those ops from its outbox. Records that and drops the
 * device's plain rows through the cursor. No write at all when the cursor did not move.
 */
export async function notePulled(tx: Db, auth: AuthContext, clientId: string, cursor: number): Promise<void> {
  const moved = await tx
    .updateTable('clients')
    .set({ pulled_seq: cursor })
    .where('client_id', '=', clientId)
    .where('user_id', '=', auth.userId)
    .where('pulled_seq', '<', cursor)
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return;
  const gone = await tx
    .deleteFrom('op_log')
    .where('client_id', '=', clientId)
    .where('seq', '<=', cursor)
    .where(plainOutcome)
    .where('client_seq', '<', (eb) =>
      eb
        .selectFrom('op_log as o2')
        .select((e) => e.fn.max('o2.client_seq').as('m'))
        .where('o2.client_id', '=', clientId)
        .where('o2.seq', '<=', cursor),
    )
    .executeTakeFirst();
  await addUsage(tx, auth.teamId, -Number(gone.numDeletedRows) * OP_LOG_ROW_BYTES);
}

/** Drops one team's rows older than the retention time, but each device's newest. Returns how many. */
export async function compactExpired(tx: Db, teamId: string, cutoff: number): Promise<number> {
  const gone = await tx
    .deleteFrom('op_log')
    .where('team_id', '=', teamId)
    .where('received_at', '<', cutoff)
    .where('client_seq', '<', (eb) =>
      eb
        .selectFrom('op_log as o2')
        .select((e) => e.fn.max('o2.client_seq').as('m'))
        .whereRef('o2.client_id', '=', 'op_log.client_id'),
    )
    .executeTakeFirst();
  const n = Number(gone.numDeletedRows);
  await addUsage(tx, teamId, -n * OP_LOG_ROW_BYTES);
  return n;
}
