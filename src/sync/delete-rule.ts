import type { Role } from './account-protocol';
import type { Entity } from '../storage/schema';
import type { FieldValue, RowState } from './protocol';

/**
 * Who may delete a shared record (issue #15, point 4): its owner or a team admin. Any teammate may
 * still edit its fields; only the delete, which takes the record from everyone's view, is kept
 * from them. Shared by the server, which refuses such an op, and the panel, which does not offer
 * a Delete that the server would refuse.
 *
 * Two writes of `deleted` are not deletes in this sense and stay open to every teammate:
 * - a merge (`mergedInto` set in the same op): the record lives on in the one it was merged into,
 *   and the merge can be undone;
 * - addresses and pipeline stages: an address is part of who a shared person is (merging people
 *   moves addresses by deleting the old ones), and a stage's owner is whoever first edited the
 *   team's default pipeline, not its author in any sense a teammate would recognise.
 */

export interface Deleter {
  userId: string;
  /** Unknown on a client that has not yet learned it: treated as a member. */
  role?: Role | undefined;
}

const OPEN_TO_ALL: ReadonlySet<Entity> = new Set<Entity>(['identities', 'stages']);

/** Whether `who` may delete this record; true for anything not shared by someone else. */
export function mayDelete(record: { entity: Entity; ownerId: string; scope: string }, who: Deleter): boolean {
  if (OPEN_TO_ALL.has(record.entity) || record.scope !== 'team') return true;
  return record.ownerId === who.userId || who.role === 'admin';
}

/**
 * The server's refusal, in English as every server message is; the client shows it in the user's
 * language by recognising it (ui/sync/RejectedList.tsx).
 */
export const DELETE_REFUSED = 'Only its author or a team admin can delete a shared record; you can still edit it.';

/** The refusal message for an op that deletes a record `who` may not delete, or null. */
export function deleteRefusal(row: RowState | undefined, set: Record<string, FieldValue>, who: Deleter): string | null {
  if (!row || set.deleted !== true || row.values.deleted === true) return null;
  if (typeof set.mergedInto === 'string') return null;
  if (mayDelete(row, who)) return null;
  return DELETE_REFUSED;
}
