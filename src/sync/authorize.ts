import { ENTITY_SCHEMAS } from '../storage/schema';
import { deleteRefusal, type Deleter } from './delete-rule';
import { isErased } from './erase';
import { mergeOp, type MergeInput } from './merge';
import { SET_SCHEMAS, type RowState } from './protocol';

/**
 * Whether an op may be applied to a record (research/sync.md §4.7), checked by the server before
 * `mergeOp`. A refusal is permanent: the server records it and the client moves the op to its
 * rejected list, so one bad op never blocks the outbox behind it.
 */

type RejectCode = 'INVALID' | 'NOT_FOUND' | 'FORBIDDEN';

export interface OpRefusal {
  code: RejectCode;
  message: string;
}

export function checkOp(row: RowState | undefined, op: MergeInput, actor: Deleter): OpRefusal | null {
  // Someone else's private record is answered exactly like a missing one would be elsewhere.
  if (row && row.scope !== 'team' && row.scope !== `user:${actor.userId}`) {
    return { code: 'NOT_FOUND', message: `No ${op.entity} record with this id.` };
  }
  const parsed = SET_SCHEMAS[op.entity].safeParse(op.set);
  if (!parsed.success) return { code: 'INVALID', message: describe(op.entity, parsed.error.issues) };

  const owner = row?.ownerId ?? actor.userId;
  // A create op names its author as owner. Records with deterministic ids (an identity is
  // `${personId}|${kind}:${value}`) can be created by two teammates at once; the later create
  // lost a race, it is not a takeover: its owner and scope claim are moot (mergeOp keeps the
  // first owner and scope) and the rest of it merges like an edit.
  const claimsCreation = op.set.ownerId === actor.userId && (op.set.scope === 'team' || op.set.scope === `user:${actor.userId}`);
  if ('ownerId' in op.set && op.set.ownerId !== owner && !claimsCreation) {
    return { code: 'FORBIDDEN', message: 'The owner of a record cannot be changed.' };
  }
  const deleteRefused = deleteRefusal(row, op.set, actor);
  if (deleteRefused) return { code: 'FORBIDDEN', message: deleteRefused };
  if ('scope' in op.set) {
    if (owner !== actor.userId) {
      if (claimsCreation) return null;
      return { code: 'FORBIDDEN', message: 'Only the owner can change who sees a record.' };
    }
    if (op.set.scope !== 'team' && op.set.scope !== `user:${owner}`) {
      return { code: 'INVALID', message: 'A record is either shared with the team or private to its owner.' };
    }
  }
  if (!row) {
    // A new record must be complete, so every client can read what the server sends back.
    const { row: created } = mergeOp(undefined, op, actor);
    // Created deleted (a device that deleted a record before it ever reached the server): a
    // tombstone has nothing to read, only the fact that the id is gone.
    if (isErased(op.entity, created.values)) return null;
    const whole = ENTITY_SCHEMAS[op.entity].safeParse({
      ...created.values,
      id: op.id,
      scope: created.scope,
      ownerId: created.ownerId,
      clocks: created.clocks,
      rowSeq: 0,
      updatedAt: 0,
    });
    if (!whole.success) return { code: 'INVALID', message: `New record is incomplete: ${describe(op.entity, whole.error.issues)}` };
  }
  return null;
}

/** Names the fields at fault without echoing the values (they may be private text). */
function describe(entity: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`);
  return `${entity}: ${parts.join('; ')}`;
}
