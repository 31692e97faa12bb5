import type { ClydeDB } from '../storage/db';
import { ENTITY_SCHEMAS, type Entity } from '../storage/schema';
import { parseHlc } from './hlc';
import { materialize, type Actor } from './merge';
import type { RowState } from './protocol';

/**
 * What the panel reads is derived, never merged by hand: the team server's last row for a
 * record with this device's pending ops folded on top by the one shared merge rule (sync.md
 * §4.1 principle 2). Call inside a transaction over the entity table, `srv` and `outbox`.
 */
export async function rederive(db: ClydeDB, entity: Entity, id: string, actor: Actor): Promise<void> {
  const server = await db.srv.get([entity, id]);
  const pending = await db.outbox.where('[entity+id]').equals([entity, id]).sortBy('clientSeq');
  const row = materialize(server, pending as Parameters<typeof materialize>[1], actor);
  const table = db.table(entity);
  if (!row) return void (await table.delete(id));
  const record = ENTITY_SCHEMAS[entity].safeParse(toRecord(row));
  // A row this build cannot read (written by a newer schema) stays in `srv` for a later build,
  // but its old view row goes: showing what the team has since changed would be a stale lie.
  if (record.success) await table.put(record.data);
  else await table.delete(id);
}

/** The stored form of a row: its values at the top level, beside the envelope. */
export function toRecord(row: RowState): Record<string, unknown> {
  const stamps = Object.values(row.clocks);
  const newest = stamps.length ? stamps.reduce((a, b) => (a > b ? a : b)) : undefined;
  return {
    ...row.values,
    id: row.id,
    scope: row.scope,
    ownerId: row.ownerId,
    clocks: row.clocks,
    rowSeq: row.rowSeq,
    // From the clocks, not the local wall clock, so every replica derives the same record.
    updatedAt: newest ? parseHlc(newest).wall : 0,
  };
}
