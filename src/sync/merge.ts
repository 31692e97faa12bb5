import type { Entity, Scope } from '../storage/schema';
import { eraseInPlace } from './erase';
import type { FieldValue, Op, RowState } from './protocol';

/**
 * The one merge rule (research/sync.md §4.3), run authoritatively by the server and for the
 * optimistic view by the client: every field is a last-writer-wins register ordered by its
 * clock stamp (fixed-width strings, so string compare is clock order; the node id breaks ties).
 *
 * `scope` and `ownerId` live beside `values` but merge the same way, with one extra rule: only
 * the owner may write them, and the owner never changes (a write of a different ownerId is
 * ignored here and rejected by `checkOp`). Keeping the owner fixed is what keeps the merge
 * order-independent: who may change the scope never depends on arrival order.
 *
 * A delete erases: once `deleted` is true the record's content is dropped (erase.ts). That keeps
 * the merge order-independent as long as nobody undoes a delete; an undo (re-adding an address
 * whose identity was deleted) shows only what was written after the delete.
 */

export interface Actor {
  userId: string;
}

export type MergeInput = Pick<Op, 'entity' | 'id' | 'set' | 'hlc'>;

export interface MergeResult {
  row: RowState;
  /** Fields whose register this op won; empty when the op changed nothing. */
  changed: string[];
}

/** Stamp of a field nobody has written yet: below every real stamp. */
const UNWRITTEN = '';

/** A record nobody has written: private to its creator and not deleted, at the lowest clock. */
function emptyRow(entity: Entity, id: string, actor: Actor): RowState {
  return {
    entity,
    id,
    scope: `user:${actor.userId}`,
    ownerId: actor.userId,
    values: { deleted: false },
    clocks: {},
    rowSeq: 0,
  };
}

export function mergeOp(row: RowState | undefined, op: MergeInput, actor: Actor): MergeResult {
  const base = row ?? emptyRow(op.entity, op.id, actor);
  const isOwner = base.ownerId === actor.userId;
  let scope: Scope = base.scope;
  const values: Record<string, FieldValue> = { ...base.values };
  const clocks: Record<string, string> = { ...base.clocks };
  const changed: string[] = [];

  for (const [field, value] of Object.entries(op.set)) {
    if (!(op.hlc > (clocks[field] ?? UNWRITTEN))) continue;
    if (field === 'scope') {
      if (!isOwner || !isScope(value)) continue;
      scope = value;
    } else if (field === 'ownerId') {
      if (!isOwner || value !== base.ownerId) continue;
    } else {
      values[field] = value;
    }
    clocks[field] = op.hlc;
    changed.push(field);
  }
  // A deleted record keeps no content, whatever order its ops arrive in (erase.ts).
  if (changed.length) eraseInPlace(op.entity, values, clocks);
  return { row: { ...base, scope, values, clocks }, changed };
}

/** The client's optimistic view: the server's row with this user's pending ops folded on top. */
export function materialize(row: RowState | undefined, pendingOps: readonly MergeInput[], actor: Actor): RowState | undefined {
  return pendingOps.reduce<RowState | undefined>((acc, op) => mergeOp(acc, op, actor).row, row);
}

function isScope(value: FieldValue): value is Scope {
  return value === 'team' || (typeof value === 'string' && value.startsWith('user:') && value.length > 5);
}
