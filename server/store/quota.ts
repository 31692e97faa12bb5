import type { RowState } from '../../src/sync/protocol';
import { ApiError } from '../errors';
import type { Db } from './queries';
import { EVICTION_ROW_BYTES, OP_LOG_ROW_BYTES, rowBytes } from './storage-limits';

/**
 * The per-team storage quota, charged inside the push transaction (under the team row lock, so
 * two pushes never both pass on the same headroom). Over the quota, only pushes that free record
 * space go through: deleting (which erases) must always be possible, and nothing else may grow
 * the team, not even refused or superseded ops, whose log rows are what a member spamming bad
 * ops would otherwise fill the disk with.
 */

const QUOTA_CODE = 'TEAM_QUOTA_EXCEEDED';

/** Record sizes before the merge, so the change in bytes is known after it. */
export function sizesOf(rows: ReadonlyMap<string, RowState>): Map<string, number> {
  return new Map([...rows].map(([key, row]) => [key, rowBytes(row)]));
}

export interface PushGrowth {
  /** Change in record bytes; negative when deletes erased more than the push added. */
  records: number;
  /** Everything the push adds, log and evictions included. */
  total: number;
}

export function growthOf(
  before: ReadonlyMap<string, number>,
  dirty: ReadonlyMap<string, RowState>,
  logRows: number,
  evictions: number,
): PushGrowth {
  let records = 0;
  for (const [key, row] of dirty) records += rowBytes(row) - (before.get(key) ?? 0);
  return { records, total: records + logRows * OP_LOG_ROW_BYTES + evictions * EVICTION_ROW_BYTES };
}

/** Refuses the push (rolling back the transaction) or adds its growth to the team's usage. */
export async function chargeQuota(tx: Db, teamId: string, used: number, growth: PushGrowth, quotaBytes: number): Promise<void> {
  if (used + growth.total > quotaBytes && growth.records >= 0 && growth.total > 0) {
    throw new ApiError(
      507,
      QUOTA_CODE,
      `The team has used its storage on this server (${mb(used)} of ${mb(quotaBytes)} MB). Nothing was lost: the changes wait on the device. Delete what the team no longer needs, or ask the server's admin to raise the quota.`,
    );
  }
  await addUsage(tx, teamId, growth.total);
}

export async function addUsage(tx: Db, teamId: string, bytes: number): Promise<void> {
  if (bytes === 0) return;
  await tx
    .updateTable('teams')
    .set((eb) => ({ used_bytes: eb('used_bytes', '+', bytes) }))
    .where('id', '=', teamId)
    .execute();
}

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0);
