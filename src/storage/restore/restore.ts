import type { Table } from 'dexie';
import { isErased } from '../../sync/erase';
import { formatHlc, receive, type HlcState } from '../../sync/hlc';
import type { RowState } from '../../sync/protocol';
import type { ClydeDB } from '../db';
import { getMeta, setMeta } from '../keys';
import { device } from '../records/clock';
import { keepServerRow } from '../records/server-row';
import { ENTITY_SCHEMAS, type Entity } from '../schema';
import type { RestoreFile } from './file';
import { planRecord, type Edit, type Outcome } from './plan';

/** Per kind of record: how many come back, change, stay as they are here, or are not the user's to restore. */
type RestoreCounts = Record<Outcome | 'notYours', number>;

export interface RestoreReport {
  records: Record<Entity, RestoreCounts>;
  /** Rhythms, stars and opened dates brought back for people who had none here. */
  personal: number;
  /** Refused edits brought back to the list of them. */
  rejected: number;
}

const ENTITIES = Object.keys(ENTITY_SCHEMAS) as Entity[];

/** What restoring the file would do, read in one snapshot; writes nothing. */
export function previewRestore(db: ClydeDB, file: RestoreFile): Promise<RestoreReport> {
  return db.transaction('r', restoreTables(db), async () => {
    const who = await whoRestores(db, file);
    return (await planAll(db, file, who)).report;
  });
}

/**
 * Restores an export in one transaction: all of it or, on any failure, nothing.
 *
 * How it meets team sync (research/sync.md §4; sync/view.ts). A record's view here is the team
 * server's row with this device's pending ops folded on top, and a view record with `rowSeq`
 * above 0 and no `srv` copy stands for the server's row. A restore keeps both truths:
 * - Before it changes a record, the server's row that record stood for is kept in `srv`
 *   (keepServerRow, as every local write does), so the next pull still derives from the server.
 * - Every field the restore brings back on a record the user owns is queued in the outbox at the
 *   stamp it was written at in the file, one op per stamp. Pushing an op the server already holds
 *   changes nothing (same stamp, merge ignores it); pushing one it lost (an edit never sent, a
 *   server restored from an older backup, a device that never joined) gives it back. Without
 *   the op, the next pull would derive the view from the server's older row and the restored
 *   field would vanish; and a record made offline would never reach the team at all. A record new
 *   here keeps the file's `rowSeq`: until a pull brings the server's row, the record stands for it
 *   with its own ops on top, which changes nothing shown; its first op carries every field, so a
 *   server that lacks it can create it (plan.ts).
 * - The file's own `pending` list is not replayed: its edits are already in the file's records
 *   and leave as the ops above, at the same stamps. Ops waiting here are left as they are.
 * - A teammate's shared record comes back for reading only: no op, because it is not this user's
 *   edit, and the team server sends it back anyway; its private records are not the user's to hold.
 *   Only a field the file itself lists as this user's unsent edit is queued.
 * - The device's clock moves past every restored stamp, so an edit made after the restore always
 *   wins over what the file brought.
 */
export function restoreExport(db: ClydeDB, file: RestoreFile): Promise<RestoreReport> {
  return db.transaction('rw', restoreTables(db), async () => {
    const who = await whoRestores(db, file);
    const me = await device(db);
    if (who.userId && who.userId !== me.userId) await setMeta(db, 'device', { clientId: me.clientId, userId: who.userId });
    const { plans, report } = await planAll(db, file, who);
    const ops: { entity: Entity; id: string; set: Edit['set']; hlc: string; state: 'pending' }[] = [];
    let newest = '';
    for (const entity of ENTITIES) {
      const changed = plans[entity];
      for (const { local } of changed) await keepServerRow(db, entity, local);
      await table(db, entity).bulkPut(changed.map((p) => p.next));
      for (const { next, edits } of changed) {
        for (const stamp of Object.values(next.clocks)) if (stamp > newest) newest = stamp;
        for (const { set, hlc } of edits) ops.push({ entity, id: next.id, set, hlc, state: 'pending' });
      }
    }
    await db.outbox.bulkAdd(ops);
    if (newest) await passClock(db, me.clientId, newest);
    report.personal = await restorePersonal(db, file);
    report.rejected = await restoreRejected(db, file);
    return report;
  });
}

const restoreTables = (db: ClydeDB): Table[] => [...ENTITIES.map((e) => db.table(e)), db.srv, db.outbox, db.meta, db.rejected, db.personal];

type Stored = Parameters<typeof planRecord>[2];
const table = (db: ClydeDB, entity: Entity) => db.table(entity) as Table<Stored, string>;

interface Restorer {
  /** Whose records are the user's own: queued as their edits, private ones kept. */
  userId: string | undefined;
  /** The file's user, when their records become this device user's (see whoRestores). */
  reownFrom?: string;
}

/**
 * Who the restoring user is. A device not in a team that owns nothing yet (a new install, a wiped
 * browser) takes the export's user as its own, so a wipe and restore gives back exactly what was
 * there, the user's records still theirs. A device not in a team that has records of its own
 * takes the file's records, if they too were made outside a team, as its user's: local users are
 * one person per browser, and joining a team makes every local record its member's anyway
 * (sync/client/account.ts). A device in a team keeps its user; join as the same member first to
 * restore your own private records there.
 */
async function whoRestores(db: ClydeDB, file: RestoreFile): Promise<Restorer> {
  const me = await getMeta(db, 'device');
  if (!file.userId || me?.userId === file.userId || (await getMeta(db, 'account'))) return { userId: me?.userId };
  if (!me || !(await ownsAny(db, me.userId))) return { userId: file.userId };
  const local = (id: string) => id.startsWith('local-');
  return local(me.userId) && local(file.userId) ? { userId: me.userId, reownFrom: file.userId } : { userId: me.userId };
}

async function ownsAny(db: ClydeDB, userId: string): Promise<boolean> {
  for (const entity of ENTITIES)
    if (
      await table(db, entity)
        .filter((r) => r.ownerId === userId)
        .first()
    )
      return true;
  return false;
}

interface Change {
  local: Stored | undefined;
  next: Stored;
  edits: Edit[];
}

async function planAll(db: ClydeDB, file: RestoreFile, { userId, reownFrom }: Restorer) {
  const cursor = (await getMeta(db, 'account')) ? ((await getMeta(db, 'cursor')) ?? 0) : undefined;
  const report: RestoreReport = { records: {} as RestoreReport['records'], personal: 0, rejected: 0 };
  const plans = {} as Record<Entity, Change[]>;
  const unsent = new Set(file.pending.map((op) => `${op.entity}\u0000${op.id}\u0000${op.hlc}`));
  for (const entity of ENTITIES) {
    const counts: RestoreCounts = { new: 0, update: 0, kept: 0, same: 0, notYours: 0 };
    const changes: Change[] = [];
    const rows = (file.records[entity] as Stored[]).map((r) => (reownFrom && r.ownerId === reownFrom ? reowned(r, userId!) : r));
    const locals = await table(db, entity).bulkGet(rows.map((r) => r.id));
    // A record deleted since the export has no view record, only the server's tombstone in `srv`.
    const tombstones = await db.srv.bulkGet(rows.map((r) => [entity, r.id] as [string, string]));
    rows.forEach((row, i) => {
      const mine = row.ownerId === userId;
      if (!mine && row.scope !== 'team') return void counts.notYours++;
      const tombstone = tombstones[i];
      const local = locals[i] ?? (tombstone && isErased(entity, tombstone.values) ? storedOf(tombstone) : undefined);
      // A teammate's record this device has pulled past and does not have was unshared or deleted
      // since: the team server decides what of theirs is seen here, and it sends this one no more.
      // One newer than the device's cursor is only not pulled yet; the pull will bring its fate.
      if (!mine && !local && cursor !== undefined && row.rowSeq <= cursor) return void counts.notYours++;
      const plan = planRecord(entity, local, row);
      counts[plan.outcome]++;
      if (!plan.next) return;
      const edits = mine ? plan.edits : plan.edits.filter((e) => unsent.has(`${entity}\u0000${row.id}\u0000${e.hlc}`));
      changes.push({ local, next: plan.next as Stored, edits });
    });
    report.records[entity] = counts;
    plans[entity] = changes;
  }
  return { plans, report };
}

/** The server's tombstone in the shape of a stored record, for planRecord. */
function storedOf(row: RowState): Stored {
  return { ...row.values, id: row.id, scope: row.scope, ownerId: row.ownerId, clocks: row.clocks, rowSeq: row.rowSeq, updatedAt: 0 };
}

/** As joining a team does to local records: a new owner, the same clocks. */
function reowned(row: Stored, userId: string): Stored {
  return { ...row, ownerId: userId, scope: row.scope === 'team' ? 'team' : `user:${userId}` };
}

async function passClock(db: ClydeDB, clientId: string, stamp: string): Promise<void> {
  const last: HlcState = (await getMeta(db, 'hlc')) ?? { wall: 0, counter: 0, node: clientId };
  const next = receive(last, stamp, Date.now());
  if (formatHlc(next) > formatHlc(last)) await setMeta(db, 'hlc', next);
}

/** The user's own settings per person have no clocks: one already set here is the newer word. */
async function restorePersonal(db: ClydeDB, file: RestoreFile): Promise<number> {
  const here = await db.personal.bulkGet(file.personal.map((p) => p.personId));
  const missing = file.personal.filter((_, i) => !here[i]);
  await db.personal.bulkPut(missing);
  return missing.length;
}

/** Refused edits come back once: the same refusal restored twice is listed once. */
async function restoreRejected(db: ClydeDB, file: RestoreFile): Promise<number> {
  const key = (r: { entity: string; id: string; hlc: string; code: string }) => `${r.entity}\u0000${r.id}\u0000${r.hlc}\u0000${r.code}`;
  const known = new Set((await db.rejected.toArray()).map(key));
  const missing = file.rejected.filter((r) => !known.has(key(r)));
  await db.rejected.bulkAdd(missing);
  return missing.length;
}
