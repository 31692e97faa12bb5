import { sql, type Kysely } from 'kysely';
import type { Entity, RowState } from '../../src/sync/protocol';
import { subjectColumns } from './subject';
import type { DB, EvictionsTable, OpLogTable } from './tables';

/**
 * The sync queries, written once in Kysely for SQLite and PostgreSQL. The only dialect branch
 * is `FOR UPDATE`: PostgreSQL needs the row lock, SQLite has a single writer already.
 */

export type Db = Kysely<DB>;

export const rowKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/** Locks the team row until commit, so pushes to one team commit one after another, in seq order. */
export function lockTeam(tx: Db, teamId: string, forUpdate: boolean) {
  return tx
    .selectFrom('teams')
    .select(['seq', 'epoch', 'used_bytes'])
    .where('id', '=', teamId)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Reserves `n` sequence numbers; returns the last one. Runs under the lock taken by `lockTeam`. */
export async function allocateSeq(tx: Db, teamId: string, n: number): Promise<number> {
  const { seq } = await tx
    .updateTable('teams')
    .set((eb) => ({ seq: eb('seq', '+', n) }))
    .where('id', '=', teamId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return seq;
}

export function findClient(tx: Db, clientId: string) {
  return tx.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/**
 * Current rows for the records a push touches, keyed by `rowKey`, in one query. The keys are
 * joined as a VALUES list so each one is a primary-key lookup. A per-entity `id IN (...)` let
 * PostgreSQL, before its first ANALYZE of a fast-growing table, scan every record of that kind
 * in the team and filter: pushes slowed as the team grew until autovacuum caught up.
 */
export async function loadRows(tx: Db, teamId: string, keys: { entity: Entity; id: string }[]): Promise<Map<string, RowState>> {
  const unique = new Map(keys.map((k) => [rowKey(k.entity, k.id), k]));
  const rows = new Map<string, RowState>();
  if (!unique.size) return rows;
  // VALUES columns are named column1, column2 in both SQLite and PostgreSQL.
  const list = sql<{
    column1: string;
    column2: string;
  }>`(values ${sql.join([...unique.values()].map((k) => sql`(${k.entity}, ${k.id})`))})`;
  const found = await tx
    .selectFrom('entities')
    .innerJoin(list.as('k'), (join) => join.onRef('entities.entity', '=', 'k.column1').onRef('entities.id', '=', 'k.column2'))
    .selectAll('entities')
    .where('entities.team_id', '=', teamId)
    .execute();
  for (const r of found) rows.set(rowKey(r.entity, r.id), toRowState(r));
  return rows;
}

export async function writeRows(tx: Db, teamId: string, rows: RowState[], now: number): Promise<void> {
  if (!rows.length) return;
  await tx
    .insertInto('entities')
    .values(
      rows.map((r) => ({
        team_id: teamId,
        entity: r.entity,
        id: r.id,
        scope: r.scope,
        owner_id: r.ownerId,
        field_values: JSON.stringify(r.values),
        clocks: JSON.stringify(r.clocks),
        row_seq: r.rowSeq,
        updated_at: now,
        ...subjectColumns(r.entity, r.id, r.values),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['team_id', 'entity', 'id']).doUpdateSet((eb) => ({
        scope: eb.ref('excluded.scope'),
        field_values: eb.ref('excluded.field_values'),
        clocks: eb.ref('excluded.clocks'),
        row_seq: eb.ref('excluded.row_seq'),
        updated_at: eb.ref('excluded.updated_at'),
        person_id: eb.ref('excluded.person_id'),
        lookup: eb.ref('excluded.lookup'),
      })),
    )
    .execute();
}

export async function insertEvictions(tx: Db, evictions: EvictionsTable[]): Promise<void> {
  if (evictions.length) await tx.insertInto('evictions').values(evictions).execute();
}

export async function insertOpLog(tx: Db, entries: OpLogTable[]): Promise<void> {
  if (entries.length) await tx.insertInto('op_log').values(entries).execute();
}

/** Outcomes worth repeating when a client re-sends ops it already pushed (its ack was lost). */
export function pastOutcomes(tx: Db, clientId: string, fromSeq: number, toSeq: number) {
  return tx
    .selectFrom('op_log')
    .select(['client_seq', 'hlc', 'final_hlc', 'outcome', 'reject_code', 'reject_message'])
    .where('client_id', '=', clientId)
    .where('client_seq', '>=', fromSeq)
    .where('client_seq', '<=', toSeq)
    .where((eb) => eb.or([eb('outcome', '=', 'rejected'), eb('final_hlc', '!=', eb.ref('hlc'))]))
    .orderBy('client_seq')
    .execute();
}

export function toRowState(r: DB['entities']): RowState {
  // Written by `writeRows` from a validated row, so read back as it is: parsing every row again
  // took a third of the server's time for a pull page, and the client validates what it receives.
  return {
    entity: r.entity as Entity,
    id: r.id,
    scope: r.scope as RowState['scope'],
    ownerId: r.owner_id,
    values: JSON.parse(r.field_values) as RowState['values'],
    clocks: JSON.parse(r.clocks) as RowState['clocks'],
    rowSeq: Number(r.row_seq),
  };
}
