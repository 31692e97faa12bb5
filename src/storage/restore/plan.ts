import { isErased } from '../../sync/erase';
import { mergeOp } from '../../sync/merge';
import type { FieldValue, RowState } from '../../sync/protocol';
import { ENTITY_SCHEMAS, type Entity } from '../schema';
import { RestoreFileError } from './file';
import { t } from '../../i18n';

/** What restoring one record does: brings it back, updates some fields, or leaves it. */
export type Outcome = 'new' | 'update' | 'kept' | 'same';

/** Fields set together at one clock stamp, as the edit that first wrote them did. */
export interface Edit {
  set: Record<string, FieldValue>;
  hlc: string;
}

export interface RecordPlan {
  outcome: Outcome;
  /** The record to store; absent when nothing changes. */
  next?: Record<string, unknown>;
  /** The fields the file won, each with the stamp it was written at in the file. */
  edits: Edit[];
}

type Stored = Record<string, unknown> & { id: string; clocks: Record<string, string>; rowSeq: number; updatedAt: number };

/**
 * One record of the file against the same record here, merged field by field by the one merge
 * rule (sync/merge.ts): the file's fields are replayed as the edits that wrote them, at their own
 * stamps, so a field edited here later than the file knew keeps the local value, and nothing gets
 * a new edit time. A record this device does not have comes back exactly as exported.
 */
export function planRecord(entity: Entity, local: Stored | undefined, file: Stored): RecordPlan {
  const edits = editsOf(rowOf(entity, file));
  if (!local) return { outcome: 'new', next: file, edits: whole(edits) };
  // The file replays the record's own history, so its scope edits count as its owner's.
  const actor = { userId: String(file.ownerId) };
  let row = rowOf(entity, local);
  const won: Edit[] = [];
  for (const edit of edits) {
    const merged = mergeOp(row, { entity, id: file.id, ...edit }, actor);
    row = merged.row;
    if (merged.changed.length) won.push({ set: Object.fromEntries(merged.changed.map((f) => [f, edit.set[f]!])), hlc: edit.hlc });
  }
  // Deleted here since the export: a delete erases (sync/erase.ts), and a backup does not undo it.
  if (isErased(entity, row.values)) return { outcome: 'kept', edits: [] };
  if (!won.length) {
    const newerHere = Object.entries(local.clocks).some(([field, stamp]) => stamp > (file.clocks[field] ?? ''));
    return { outcome: newerHere ? 'kept' : 'same', edits: [] };
  }
  const next = ENTITY_SCHEMAS[entity].safeParse({
    ...row.values,
    id: row.id,
    scope: row.scope,
    ownerId: row.ownerId,
    clocks: row.clocks,
    // What this device knows of the server stays what it knows: the file's rowSeq may be older or newer.
    rowSeq: local.rowSeq,
    updatedAt: Math.max(local.updatedAt, file.updatedAt),
  });
  if (!next.success) throw new RestoreFileError(t('restoreErrors.cannotMerge', { entity, id: file.id }));
  return { outcome: 'update', next: next.data, edits: won };
}

function rowOf(entity: Entity, record: Stored): RowState {
  const { id, scope, ownerId, clocks, rowSeq, updatedAt: _derived, ...values } = record;
  return { entity, id, scope, ownerId, values, clocks, rowSeq } as RowState;
}

/**
 * The first edit of a record new here carries every field, at its own (oldest) stamp: the team
 * server takes a record it does not have only from an op that makes it whole, and a field's later
 * edits may have left the first one with too little (a note whose body was rewritten). Harmless
 * where the server has it: a field's final value is its newest stamp's, and the later stamp of
 * each field it adds still follows with the same value.
 */
function whole(edits: Edit[]): Edit[] {
  const [first, ...rest] = edits;
  if (!first) return edits;
  return [{ set: Object.assign({}, ...edits.map((e) => e.set)) as Edit['set'], hlc: first.hlc }, ...rest];
}

/** A record's fields grouped by the stamp that wrote them, oldest first. */
function editsOf(row: RowState): Edit[] {
  const byStamp = new Map<string, Record<string, FieldValue>>();
  for (const [field, hlc] of Object.entries(row.clocks)) {
    const value = field === 'scope' ? row.scope : field === 'ownerId' ? row.ownerId : row.values[field];
    if (value === undefined) continue;
    byStamp.set(hlc, { ...byStamp.get(hlc), [field]: value });
  }
  return [...byStamp].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hlc, set]) => ({ set, hlc }));
}
