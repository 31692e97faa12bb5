import type { Entity } from '../storage/schema';
import type { FieldValue } from './protocol';

/**
 * Erase on delete (issue #15, point 3): a deleted record keeps no content, on the server and on
 * every device. Its tombstone keeps what merging and sync need: the id, `deleted`, scope and
 * owner (beside `values`), and every field's clock, so a late edit stamped before the delete
 * cannot bring its text back. A field's clock is raised to the delete's stamp for the same reason
 * after an undelete (an identity added again): only writes newer than the delete show then.
 *
 * Some deleted records keep their content:
 * - a record merged into another (`mergedInto` set): the merge moved it and its undo needs it back,
 *   which is a merge, not a deletion by the user;
 * - addresses (identities): the id of one is its person and canonical address
 *   (`${personId}|email:${value}`, records/canonical.ts), so its tombstone would hold the address
 *   anyway; and merging people moves addresses by deleting them, which an undo takes back;
 * - pipeline stages: a deleted default stage is known only by its record (opportunities/stages.ts
 *   hides the built-in stage of that id), and a stage holds no one's personal data.
 */
const KEEPS_CONTENT: ReadonlySet<Entity> = new Set(['identities', 'stages']);

/** What a tombstone keeps in `values`; scope and owner live beside them. */
const TOMBSTONE_FIELDS: ReadonlySet<string> = new Set(['deleted']);

export function isErased(entity: Entity, values: { readonly deleted?: unknown; readonly mergedInto?: unknown }): boolean {
  return values.deleted === true && (values.mergedInto ?? null) === null && !KEEPS_CONTENT.has(entity);
}

/**
 * The fields of an erased record's values that are content: everything but `deleted`. Exported
 * for the client, which strips the same fields from its own pending and refused ops.
 */
export function isContentField(field: string): boolean {
  return !TOMBSTONE_FIELDS.has(field) && field !== 'scope' && field !== 'ownerId';
}

/**
 * Drops the content of an erased record in place and raises its fields' clocks to the delete's.
 * Run after every merge: the merge is then still order-independent for any ops that never undo
 * a delete (merge.test.ts), and erasure is idempotent.
 */
export function eraseInPlace(entity: Entity, values: Record<string, FieldValue>, clocks: Record<string, string>): void {
  if (!isErased(entity, values)) return;
  const deletedAt = clocks.deleted ?? '';
  for (const field of Object.keys(values)) if (isContentField(field)) delete values[field];
  for (const [field, stamp] of Object.entries(clocks)) {
    if (isContentField(field) && stamp < deletedAt) clocks[field] = deletedAt;
  }
}
