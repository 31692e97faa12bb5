/**
 * What one merge changed, kept so it can be undone exactly, also after a reload or a restart.
 * Local to this device: it lists record ids, and the records themselves carry the synced change.
 */
export interface MergeRecord {
  id: string;
  at: number;
  fromId: string;
  intoId: string;
  /** Notes, facts and tasks whose person changed from `fromId` to `intoId`. */
  moved: { entity: 'notes' | 'preferences' | 'tasks'; id: string }[];
  /**
   * Each identity of `fromId` (tombstoned by the merge) and its copy on `intoId`, with what the
   * copy was before: undo deletes a copy the merge created or revived, and keeps one already live.
   */
  identities: { fromIdentityId: string; intoIdentityId: string; intoBefore: 'none' | 'live' | 'deleted' }[];
  /** `fromId`'s own `mergedInto` before the merge (normally unset). */
  fromMergedInto?: string | null;
  undoneAt?: number;
  /** The user saw the undo offer and kept the merge. */
  keptAt?: number;
}
