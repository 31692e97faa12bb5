import type { ClydeDB } from '../../storage/db';
import type { MetaValue } from '../../storage/keys';
import { writeRecord, writeTables } from '../../storage/records/write';
import type { Entity, OutboxOp } from '../../storage/schema';
import { parseHlc } from '../hlc';
import type { FieldValue, RowState } from '../protocol';
import { getMeta, setMeta } from './state';

/**
 * Edits of this user that lost to a teammate's (issue #15, point 4). Per-field last-writer-wins
 * keeps the later stamp and the server answers the earlier one as "superseded": correct, but the
 * author saw their text simply change back. So when a pull confirms our ops, each field the
 * server's row holds at someone else's later stamp is kept here, with both values, until the
 * author acts on it or the record moves on (ui/sync/LostEditLine.tsx).
 */

export type LostEdit = MetaValue<'lostEdits'>[number];

/**
 * Sharing, ownership, deletes and merges are not text a user typed and can take back in a click;
 * nor are links between records and what the app sets by itself (a stage's timestamp, an avatar).
 */
const NOT_EDITS = new Set([
  'scope',
  'ownerId',
  'deleted',
  'mergedInto',
  'personId',
  'personIds',
  'companyId',
  'stageId',
  'stageAt',
  'avatarUrl',
  'sourceUrl',
  'threadKey',
]);
/** Enough for a busy day; the oldest go first. */
const KEEP = 50;

const keyOf = (e: { entity: string; id: string }) => `${e.entity}\u0000${e.id}`;

/** The fields of `op` that the server row holds at a later stamp of another device, with different values. */
function lostFields(op: OutboxOp, row: RowState | undefined, clientId: string): LostEdit[] {
  if (!row) return [];
  const lost: LostEdit[] = [];
  for (const [field, mine] of Object.entries(op.set)) {
    const hlc = row.clocks[field];
    if (NOT_EDITS.has(field) || !hlc || hlc <= op.hlc || parseHlc(hlc).node === clientId) continue;
    const theirs = row.values[field] ?? null;
    if (theirs === mine) continue;
    lost.push({ entity: op.entity, id: op.id, field, mine: mine as FieldValue, theirs, hlc });
  }
  return lost;
}

/**
 * Called in the pull transaction with the ops leaving the outbox (in clientSeq order) and the
 * page's rows; other rows are read from `srv`, which keeps the server's copy of every record
 * that had ops waiting. One entry per field of a record: a newer loss replaces an older one.
 */
export async function noteLostEdits(db: ClydeDB, confirmed: OutboxOp[], page: readonly RowState[], clientId: string): Promise<void> {
  if (!confirmed.length) return;
  const rows = new Map(page.map((r) => [keyOf(r), r]));
  // One bulk read: a pull after a big import confirms thousands of ops at once.
  const missing = [...new Map(confirmed.filter((op) => !rows.has(keyOf(op))).map((op) => [keyOf(op), op])).values()];
  const stored = await db.srv.bulkGet(missing.map((op): [string, string] => [op.entity, op.id]));
  stored.forEach((row) => row && rows.set(keyOf(row), row));
  const found = confirmed.flatMap((op) => lostFields(op, rows.get(keyOf(op)), clientId));
  if (!found.length) return;
  const seen = new Set<string>();
  const kept = [...found.reverse(), ...((await getMeta(db, 'lostEdits')) ?? [])].filter((e) => {
    const k = `${keyOf(e)}\u0000${e.field}`;
    return !seen.has(k) && !!seen.add(k);
  });
  await setMeta(db, 'lostEdits', kept.slice(0, KEEP));
}

/** Forgets one notice: the author took their value back, or dismissed it. */
export async function forgetLostEdit(db: ClydeDB, edit: Pick<LostEdit, 'entity' | 'id' | 'field'>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const all = (await getMeta(db, 'lostEdits')) ?? [];
    const rest = all.filter((e) => !(e.entity === edit.entity && e.id === edit.id && e.field === edit.field));
    if (rest.length !== all.length) await setMeta(db, 'lostEdits', rest);
  });
}

/** "Use mine": writes the lost value again, as a new edit at a new stamp, and forgets the notice. */
export async function takeBackLostEdit(db: ClydeDB, edit: LostEdit): Promise<void> {
  const entity = edit.entity as Entity;
  await db.transaction('rw', [...writeTables(db, db.table(entity)), db.people], async () => {
    await writeRecord(db, entity, edit.id, { [edit.field]: edit.mine } as Parameters<typeof writeRecord>[3]);
    await forgetLostEdit(db, edit);
  });
}
