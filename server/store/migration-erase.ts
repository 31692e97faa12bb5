import { sql, type Kysely, type Migration } from 'kysely';
import { eraseInPlace } from '../../src/sync/erase';
import type { Entity, FieldValue } from '../../src/sync/protocol';
import { EVICTION_ROW_BYTES, OP_LOG_ROW_BYTES, storedRowBytes } from './storage-limits';

// Kysely's migration API takes an untyped Kysely: migrations must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>;

const PAGE = 1000;

/**
 * Erase on delete, a quota and a compactable op log (issue #15, point 3), for data written before:
 * - records deleted before this release lose their content, as a delete now does (src/sync/erase.ts),
 *   each at a new team seq, so every device pulls the tombstone and drops its copy of the text;
 * - the op log keeps the names of the fields an op set, never the values: it had every note body
 *   ever sent, refused ones too;
 * - `teams.used_bytes` starts at what each team holds, `clients.pulled_seq` at 0 (nothing is
 *   compacted for a device until it pulls again).
 * Both tables are read in key order a page at a time, so a big team does not sit in memory.
 */
export const eraseMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .alterTable('teams')
      .addColumn('used_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('clients')
      .addColumn('pulled_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    // The hourly retention sweep finds a team's old rows by this (op-log-compaction.ts).
    await db.schema.createIndex('op_log_received').on('op_log').columns(['team_id', 'received_at']).execute();
    const used = new Map<string, number>();
    const charge = (team: string, bytes: number) => used.set(team, (used.get(team) ?? 0) + bytes);
    await eraseDeletedRows(db, charge);
    await stripOpLog(db, charge);
    const evictions: { team_id: string; n: number | string | bigint }[] = await db
      .selectFrom('evictions')
      .select(['team_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('team_id')
      .execute();
    for (const e of evictions) charge(e.team_id, Number(e.n) * EVICTION_ROW_BYTES);
    for (const [id, bytes] of used) await db.updateTable('teams').set({ used_bytes: bytes }).where('id', '=', id).execute();
  },
};

async function eraseDeletedRows(db: AnyDb, charge: (team: string, bytes: number) => void): Promise<void> {
  let after: [string, string, string] | undefined;
  for (;;) {
    const rows: { team_id: string; entity: string; id: string; field_values: string; clocks: string }[] = await db
      .selectFrom('entities')
      .select(['team_id', 'entity', 'id', 'field_values', 'clocks'])
      .$if(after !== undefined, (q) => q.where(sql`(team_id, entity, id)`, '>', sql`(${after![0]}, ${after![1]}, ${after![2]})`))
      .orderBy('team_id')
      .orderBy('entity')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const values = JSON.parse(r.field_values) as Record<string, FieldValue>;
      const clocks = JSON.parse(r.clocks) as Record<string, string>;
      eraseInPlace(r.entity as Entity, values, clocks);
      const [fieldValues, stamps] = [JSON.stringify(values), JSON.stringify(clocks)];
      if (fieldValues !== r.field_values || stamps !== r.clocks) {
        const { seq } = await db
          .updateTable('teams')
          .set((eb) => ({ seq: eb('seq', '+', 1) }))
          .where('id', '=', r.team_id)
          .returning('seq')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('entities')
          .set({ field_values: fieldValues, clocks: stamps, row_seq: seq })
          .where('team_id', '=', r.team_id)
          .where('entity', '=', r.entity)
          .where('id', '=', r.id)
          .execute();
      }
      charge(r.team_id, storedRowBytes(fieldValues, stamps));
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    after = [last.team_id, last.entity, last.id];
  }
}

async function stripOpLog(db: AnyDb, charge: (team: string, bytes: number) => void): Promise<void> {
  let after: [string, number] | undefined;
  for (;;) {
    const rows: { client_id: string; client_seq: number | string; team_id: string; fields: string }[] = await db
      .selectFrom('op_log')
      .select(['client_id', 'client_seq', 'team_id', 'fields'])
      .$if(after !== undefined, (q) => q.where(sql`(client_id, client_seq)`, '>', sql`(${after![0]}, ${after![1]})`))
      .orderBy('client_id')
      .orderBy('client_seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const names = JSON.stringify(Object.keys(JSON.parse(r.fields) as Record<string, unknown>));
      await db
        .updateTable('op_log')
        .set({ fields: names })
        .where('client_id', '=', r.client_id)
        .where('client_seq', '=', r.client_seq)
        .execute();
      charge(r.team_id, OP_LOG_ROW_BYTES);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    after = [last.client_id, Number(last.client_seq)];
  }
}
