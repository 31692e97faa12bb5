import type { RowState } from '../../sync/protocol';
import type { ClydeDB } from '../db';
import type { Entity } from '../schema';

/**
 * Before a local write changes a record, keeps the server's row it stands for: `srv` holds a
 * copy only where the view cannot stand for the server's row (sync/view.ts). Call
 * inside the writing transaction, which must cover `srv`.
 */
export async function keepServerRow(db: ClydeDB, entity: Entity, prev: Record<string, unknown> | undefined): Promise<void> {
  const row = serverRowOf(entity, prev);
  if (row && !(await db.srv.get([entity, row.id]))) await db.srv.put(row);
}

/** The server's row a view record stands for, if it came from the server (`rowSeq` above 0). */
export function serverRowOf(entity: Entity, record: Record<string, unknown> | undefined): RowState | undefined {
  if (!record || typeof record.rowSeq !== 'number' || record.rowSeq <= 0) return undefined;
  const { id, scope, ownerId, clocks, rowSeq, updatedAt: _derived, ...values } = record;
  return { entity, id, scope, ownerId, values, clocks, rowSeq } as RowState;
}
