/**
 * What one merge changed, kept so it can be undone exactly, also after a reload or a restart.
 * Local to this device: it lists record ids, and the records themselves carry the synced change.
 * Two people, or two companies (companies/merge-companies.ts): a company's own notes, facts and
 * tasks move like a person's, it has no identities, and its people and opportunities move in `links`.
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
  /** Company merges: people and opportunities whose `companyId` changed from `fromId` to `intoId`. */
  links?: { entity: 'people' | 'opportunities'; id: string }[];
  /** `fromId`'s own `mergedInto` before the merge (normally unset). */
  fromMergedInto?: string | null;
  undoneAt?: number;
  /** The user saw the undo offer and kept the merge. */
  keptAt?: number;
}
