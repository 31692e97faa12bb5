import Dexie from 'dexie';
import type { ClydeDB } from '../storage/db';
import { ENTITY_SCHEMAS, type Entity, type OutboxOp } from '../storage/schema';
import { serverRowOf } from '../storage/records/server-row';
import { parseHlc } from './hlc';
import { materialize, type Actor } from './merge';
import type { RowState } from './protocol';
import { groupBy } from '../group-by';

/**
 * What the panel reads is derived, never merged by hand: the team server's last row for a
 * record with this device's pending ops folded on top by the one shared merge rule (sync.md
 * §4.1 principle 2). Call inside a transaction over the entity table, `srv` and `outbox`.
 *
 * Where the server's row lives: a view record with no ops waiting on it is exactly the server's
 * row in another shape (`serverRowOf`), so `srv` keeps a copy only where the view cannot stand
 * for it: ops are pending on the record, or this build cannot read the row (a newer schema's).
 * That halves what a team bootstrap writes, and a browser pays for every put. The rule that keeps
 * it true: no `srv` copy and a `rowSeq` above 0 means the view record *is* the server's row, so a
 * local write snapshots it into `srv` first (storage/records/server-row.ts).
 */
export function rederive(db: ClydeDB, entity: Entity, id: string, actor: Actor): Promise<void> {
  return rederiveMany(db, entity, [id], actor);
}

/**
 * `rederive` for many records of one entity with bulk reads and writes: a pull page touches up
 * to thousands of records, and one request per record made a 100k bootstrap crawl. `known` holds
 * the server rows the caller has just received (undefined: evicted or forgotten), which replace
 * whatever was stored for them.
 */
export async function rederiveMany(
  db: ClydeDB,
  entity: Entity,
  ids: readonly string[],
  actor: Actor,
  known?: ReadonlyMap<string, RowState | undefined>,
  beside: Beside = {},
): Promise<void> {
  if (!ids.length) return;
  const table = db.table(entity);
  const [copied, pending] = await Promise.all([storedServerRows(db, entity, ids, beside.srv), pendingOps(db, entity, ids, beside.outbox)]);
  const unknown = known ? ids.filter((id) => !known.has(id)) : ids;
  // The view records that stand for their server row (no copy in `srv`), read only when needed.
  const standIns = unknown.filter((id) => !copied.has(id));
  const views = standIns.length ? ((await table.bulkGet(standIns)) as (Record<string, unknown> | undefined)[]) : [];
  const fromView = new Map(standIns.map((id, i) => [id, serverRowOf(entity, views[i])]));
  const puts: unknown[] = [];
  const gone: string[] = [];
  const srvPuts: RowState[] = [];
  const srvDrops: [string, string][] = [];
  for (const id of ids) {
    const server = known?.has(id) ? known.get(id) : (copied.get(id) ?? fromView.get(id));
    const ops = pending.get(id) ?? [];
    const { record, standsIn } = ops.length ? withOps(entity, server, ops, actor) : server ? derivedAlone(server) : NOTHING;
    // A row this build cannot read (written by a newer schema) stays in `srv` for a later build,
    // but its old view row goes: showing what the team has since changed would be a stale lie.
    if (record) puts.push(record);
    else gone.push(id);
    if (server && !standsIn) srvPuts.push(server);
    else if (copied.has(id)) srvDrops.push([entity, id]);
  }
  if (srvPuts.length) await db.srv.bulkPut(srvPuts);
  if (srvDrops.length) await db.srv.bulkDelete(srvDrops);
  if (puts.length) await table.bulkPut(puts);
  if (gone.length) await table.bulkDelete(gone);
}

/** A view record (none: deleted, or unreadable by this build), and whether it stands for its server row. */
interface Derived {
  record: Record<string, unknown> | undefined;
  standsIn: boolean;
}
const NOTHING: Derived = { record: undefined, standsIn: false };

/** With ops pending, the record is the server's row plus them, and never stands for that row. */
function withOps(entity: Entity, server: RowState | undefined, ops: readonly OutboxOp[], actor: Actor): Derived {
  const row = materialize(server, ops as Parameters<typeof materialize>[1], actor);
  const parsed = row && ENTITY_SCHEMAS[entity].safeParse(toRecord(row));
  return { record: parsed?.success ? parsed.data : undefined, standsIn: false };
}

/**
 * Server rows already derived, for rows with no ops pending: then the view record depends on the
 * row alone, and a row object is never changed once received, so it can be derived ahead of its
 * transaction (`prederive`).
 */
const derived = new WeakMap<RowState, Derived>();

function derivedAlone(server: RowState): Derived {
  const known = derived.get(server);
  // Used once: the record is the object the transaction puts.
  if (known) {
    derived.delete(server);
    return known;
  }
  const parsed = ENTITY_SCHEMAS[server.entity].safeParse(toRecord(server));
  const record = parsed.success ? parsed.data : undefined;
  const standing = record && serverRowOf(server.entity, record);
  return { record, standsIn: standing !== undefined && sameRow(standing, server) };
}

/**
 * Derives a pull page's records before the transaction that writes them: the pull calls it on the
 * next page while IndexedDB still writes the current one, so the parsing (a fifth of a page's
 * time in the worker) overlaps with the writes instead of coming between them. Only a cache: the
 * transaction still decides which rows take it (those with no ops pending).
 */
export function prederive(rows: readonly RowState[]): void {
  for (const row of rows) if (!derived.has(row)) derived.set(row, derivedAlone(row));
}

/** Field-by-field equality of two rows (field values are primitives). */
function sameRow(a: RowState, b: RowState): boolean {
  return (
    a.id === b.id &&
    a.scope === b.scope &&
    a.ownerId === b.ownerId &&
    a.rowSeq === b.rowSeq &&
    sameFields(a.values, b.values) &&
    sameFields(a.clocks, b.clocks)
  );
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && Object.is(a[k], b[k]));
}

/**
 * The whole of `srv` and of the outbox, read once for every entity a transaction derives again
 * (`readBeside`), each left out when it is too big to read whole. Valid only inside the
 * transaction it was read in, and only while no op is added: derivations write `srv` copies of
 * their own entity only, so one entity's writes never change what another reads.
 */
export interface Beside {
  srv?: readonly RowState[];
  outbox?: readonly OutboxOp[];
}

/** How many rows `srv` and the outbox hold, when already read in the current transaction. */
export interface Counts {
  srv: number;
  outbox: number;
}

/**
 * `srv` and the outbox whole when they hold at most four rows per record to derive: usually there
 * are few (a joining device has none), and reading them all beats a lookup per record by far.
 * An empty one is not read at all; `counts` saves counting them again.
 */
export async function readBeside(db: ClydeDB, records: number, counts?: Counts): Promise<Beside> {
  // Dexie's promises throughout, even for what is known already: awaiting one renews Dexie's hold
  // on the transaction across the native awaits after it, which a derivation has many of; lost,
  // the transaction commits before its writes (PrematureCommitError).
  const whole = <T>(table: { toArray(): PromiseLike<T[]> }, n: number) => (n === 0 ? [] : n <= records * 4 ? table.toArray() : undefined);
  const small = <T>(table: { count(): PromiseLike<number>; toArray(): PromiseLike<T[]> }, known: number | undefined) =>
    known === undefined ? table.count().then((n) => whole(table, n)) : Dexie.Promise.resolve(whole(table, known));
  const [srv, outbox] = await Promise.all([small<RowState>(db.srv, counts?.srv), small<OutboxOp>(db.outbox, counts?.outbox)]);
  return { ...(srv ? { srv } : {}), ...(outbox ? { outbox } : {}) };
}

/** The `srv` copies among `ids`, from `all` of them when read already. */
async function storedServerRows(
  db: ClydeDB,
  entity: Entity,
  ids: readonly string[],
  all?: readonly RowState[],
): Promise<Map<string, RowState>> {
  const whole = all ?? ((await db.srv.count()) <= ids.length * 4 ? await db.srv.toArray() : undefined);
  const rows = whole
    ? whole.filter((r) => r.entity === entity)
    : (await db.srv.bulkGet(ids.map((id) => [entity, id] as [string, string]))).filter((r): r is RowState => r !== undefined);
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
}

/** This device's unconfirmed ops per record id, oldest first, from `all` of them when read already. */
async function pendingOps(
  db: ClydeDB,
  entity: Entity,
  ids: readonly string[],
  all?: readonly OutboxOp[],
): Promise<Map<string, OutboxOp[]>> {
  const wanted = new Set(ids);
  // The outbox is usually far smaller than a pull page: one scan beats a query per record.
  const whole = all ?? ((await db.outbox.count()) <= ids.length * 4 ? await db.outbox.toArray() : undefined);
  const ops = whole
    ? whole.filter((op) => op.entity === entity && wanted.has(op.id))
    : (
        await db.outbox
          .where('[entity+id]')
          .anyOf(ids.map((id) => [entity, id]))
          .toArray()
      ).sort((a, b) => a.clientSeq! - b.clientSeq!);
  return groupBy(ops, (op) => op.id);
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
