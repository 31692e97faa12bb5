import type { RowState } from '../../src/sync/protocol';

/**
 * How much a team may store and how long the op log keeps what it needs (issue #15, point 3).
 * A team's usage is counted as it changes (teams.used_bytes, kept by every push, compaction and
 * migration 0003) instead of summed per push, which would read the whole team every time.
 */
export interface StorageLimits {
  /** Bytes of records and op log a team may hold; a push that would grow past it gets 507. */
  teamQuotaBytes: number;
  /**
   * How long an op's outcome is kept for a device that has not pulled past it (a device that
   * vanished must not pin the log for ever). Pulled-past ops go at once (see compactPulled).
   */
  opLogRetentionMs: number;
}

/**
 * 1 GiB is about a million notes: no real team of the size Clyde is for comes near it, and a
 * runaway script or member stops there instead of at a full disk. 30 days outlasts a holiday.
 */
export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  teamQuotaBytes: 1024 ** 3,
  opLogRetentionMs: 30 * 24 * 3_600_000,
};

/** Key columns, row header and index entries of a record row, beside its JSON (an estimate). */
const ENTITY_ROW_OVERHEAD = 120;
/** An op log row holds ids, clocks and field names only (no values), so it costs about this. */
export const OP_LOG_ROW_BYTES = 200;
export const EVICTION_ROW_BYTES = 100;

/** What one stored record row costs: its JSON as UTF-8 plus the fixed part. */
export function rowBytes(row: Pick<RowState, 'values' | 'clocks'>): number {
  return Buffer.byteLength(JSON.stringify(row.values)) + Buffer.byteLength(JSON.stringify(row.clocks)) + ENTITY_ROW_OVERHEAD;
}

/** Same measure for a stored row, whose JSON is already text. */
export function storedRowBytes(fieldValues: string, clocks: string): number {
  return Buffer.byteLength(fieldValues) + Buffer.byteLength(clocks) + ENTITY_ROW_OVERHEAD;
}
