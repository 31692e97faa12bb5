import type { ClydeDB } from '../storage/db';
import { ENTITY_SCHEMAS, type Entity, type OutboxOp } from '../storage/schema';
import { parseHlc } from './hlc';
import { materialize, type Actor } from './merge';
import type { RowState } from './protocol';

/**
 * What the panel reads is derived, never merged by hand: the team server's last row for a
 * record with this device's pending ops folded on top by the one shared merge rule (sync.md
 * §4.1 principle 2). Call inside a transaction over the entity table, `srv` and `outbox`.
 */
export function rederive(db: ClydeDB, entity: Entity, id: string, actor: Actor): Promise<void> {
  return rederiveMany(db, entity, [id], actor);
}

/**
 * `rederive` for many records of one entity with bulk reads and writes: a pull page touches up
 * to thousands of records, and one request per record made a 100k bootstrap crawl. `known` holds
 * server rows the caller has just written in this transaction (undefined: just deleted), so a
 * pull page is not read back from `srv` right after being put there.
 */
export async function rederiveMany(
  db: ClydeDB,
  entity: Entity,
  ids: readonly string[],
  actor: Actor,
  known?: ReadonlyMap<string, RowState | undefined>,
): Promise<void> {
  if (!ids.length) return;
  const unknown = known ? ids.filter((id) => !known.has(id)) : ids;
  const read = unknown.length ? await db.srv.bulkGet(unknown.map((id) => [entity, id] as [string, string])) : [];
  const fromSrv = new Map(unknown.map((id, i) => [id, read[i]]));
  const servers = ids.map((id) => (known?.has(id) ? known.get(id) : fromSrv.get(id)));
  const pending = await pendingOps(db, entity, ids);
  const puts: unknown[] = [];
  const gone: string[] = [];
  ids.forEach((id, i) => {
    const row = materialize(servers[i], (pending.get(id) ?? []) as Parameters<typeof materialize>[1], actor);
    const record = row && ENTITY_SCHEMAS[entity].safeParse(toRecord(row));
    // A row this build cannot read (written by a newer schema) stays in `srv` for a later build,
    // but its old view row goes: showing what the team has since changed would be a stale lie.
    if (record?.success) puts.push(record.data);
    else gone.push(id);
  });
  const table = db.table(entity);
  if (puts.length) await table.bulkPut(puts);
  if (gone.length) await table.bulkDelete(gone);
}

/** This device's unconfirmed ops per record id, oldest first. */
async function pendingOps(db: ClydeDB, entity: Entity, ids: readonly string[]): Promise<Map<string, OutboxOp[]>> {
  const wanted = new Set(ids);
  // The outbox is usually far smaller than a pull page: one scan beats a query per record.
  const ops =
    (await db.outbox.count()) <= ids.length * 4
      ? (await db.outbox.toArray()).filter((op) => op.entity === entity && wanted.has(op.id))
      : (await db.outbox.where('[entity+id]').anyOf(ids.map((id) => [entity, id])).toArray()).sort((a, b) => a.clientSeq! - b.clientSeq!);
  const byId = new Map<string, OutboxOp[]>();
  for (const op of ops) {
    const list = byId.get(op.id);
    if (list) list.push(op);
    else byId.set(op.id, [op]);
  }
  return byId;
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
