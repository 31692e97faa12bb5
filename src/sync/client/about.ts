import type { Correspondent } from '../../parsers/schema';
import type { ClydeDB } from '../../storage/db';
import { canonicalIdentity } from '../../storage/records/canonical';
import { identitiesOf } from '../../storage/records/identity-lookup';
import { serverRowOf } from '../../storage/records/server-row';
import type { Entity } from '../../storage/schema';
import { MAX_ABOUT_IDENTITIES } from '../about-protocol';
import type { RowState } from '../protocol';
import type { SyncApi } from './api';
import { identity } from './round';
import { syncTables } from './state';
import { Touched } from './touched';

/**
 * The prioritized pull (issue 15 §8): while a fresh device pages through a big team in seq order,
 * the records about the people on screen are asked for by address and applied at once, so the
 * panel shows them within a second instead of whenever their seqs come up.
 *
 * They arrive out of seq order, so two rules keep a record from going back in time: rows are
 * applied only over older copies (`newerOnly`), and a pull page fetched before them but applied
 * after them is held to the same rule for the records they brought (`Prioritized`).
 */

/** The `kind:value` lookups of the people a page shows, as the server's `lookup` column holds them. */
export function lookupsOf(people: readonly Correspondent[]): string[] {
  const out = new Set<string>();
  for (const c of people) {
    for (const { kind, display } of identitiesOf(c)) {
      const value = canonicalIdentity(kind, display);
      if (value) out.add(`${kind}:${value}`);
    }
  }
  return [...out].slice(0, MAX_ABOUT_IDENTITIES);
}

/**
 * Records a prioritized pull brought, by key, from before it is applied until the catch-up that
 * may still hold older copies of them ends (`pullAll` clears it). Pages read after that end are
 * newer than anything noted before it, so nothing is lost by forgetting then.
 */
export class Prioritized {
  private keys = new Set<string>();
  note(rows: readonly RowState[]) {
    for (const r of rows) this.keys.add(`${r.entity}\u0000${r.id}`);
  }
  /** The page rows to check against what is stored; usually none. */
  among(rows: readonly RowState[]): RowState[] {
    return this.keys.size ? rows.filter((r) => this.keys.has(`${r.entity}\u0000${r.id}`)) : [];
  }
  clear() {
    this.keys.clear();
  }
}

/**
 * Asks the server for the records about the people with `lookups` and applies those newer than
 * what this device holds, in one transaction. Leaves the cursor alone: the catch-up still sends
 * these records in their turn, and they are then applied only if they changed. Returns how many
 * rows were applied; 0 from a server without the route.
 */
export async function pullAbout(db: ClydeDB, api: SyncApi, lookups: string[], prioritized: Prioritized): Promise<number> {
  if (!lookups.length) return 0;
  const me = await identity(db);
  const found = await api.about(me.clientId, lookups);
  if (!found?.rows.length) return 0;
  prioritized.note(found.rows);
  return db.transaction('rw', syncTables(db), async () => {
    const { userId } = await identity(db);
    const rows = await newerOnly(db, found.rows);
    const touched = new Touched();
    for (const row of rows) touched.add(row.entity, row.id, row);
    await touched.rederive(db, userId);
    return rows.length;
  });
}

/**
 * `rows` without those this device already holds at the same or a later seq: the server's copy in
 * `srv` when there is one, else the view record standing for it (sync/view.ts). Call inside a
 * transaction over the record tables and `srv`.
 */
export async function newerOnly(db: ClydeDB, rows: readonly RowState[]): Promise<RowState[]> {
  const byEntity = new Map<Entity, RowState[]>();
  for (const r of rows) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  const out: RowState[] = [];
  for (const [entity, list] of byEntity) {
    const ids = list.map((r) => r.id);
    const copies = await db.srv.bulkGet(ids.map((id) => [entity, id] as [string, string]));
    const views = (await db.table(entity).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
    list.forEach((row, i) => {
      const held = copies[i]?.rowSeq ?? serverRowOf(entity, views[i])?.rowSeq ?? 0;
      if (row.rowSeq > held) out.push(row);
    });
  }
  return out;
}
