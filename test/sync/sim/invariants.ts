import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { toRowState } from '../../../server/store/queries';
import type { DB } from '../../../server/store/tables';
import { getMeta } from '../../../src/storage/keys';
import { ENTITY_SCHEMAS, type Entity } from '../../../src/storage/schema';
import { mergeOp } from '../../../src/sync/merge';
import type { FieldValue, RowState } from '../../../src/sync/protocol';
import { toRecord } from '../../../src/sync/view';
import { VIEW_ENTITIES } from '../../../src/sync/client/state';
import type { SimClient } from './client';

export interface ServerSnapshot {
  seq: number;
  rows: RowState[];
  log: DB['op_log'][];
  evictions: number;
}

/** The server's committed state, read straight from its SQLite file (the oracle's input). */
export function readServer(dir: string, teamId: string): ServerSnapshot {
  const sqlite = new Database(join(dir, 'clyde.sqlite'), { readonly: true });
  try {
    const team = sqlite.prepare('select seq from teams where id = ?').get(teamId) as { seq: number };
    const rows = (sqlite.prepare('select * from entities where team_id = ?').all(teamId) as DB['entities'][]).map(toRowState);
    const log = sqlite.prepare('select * from op_log where team_id = ? order by seq').all(teamId) as DB['op_log'][];
    const { n } = sqlite.prepare('select count(*) as n from evictions where team_id = ?').get(teamId) as { n: number };
    return { seq: Number(team.seq), rows, log, evictions: n };
  } finally {
    sqlite.close();
  }
}

const key = (entity: string, id: string) => `${entity}/${id}`;

/**
 * I2 (no acknowledged write lost): every field of every op the server accepted ends with a clock
 * at least the op's final stamp, and the stored rows equal the op log folded through the merge
 * rule (the oracle of research/sync.md §6.2). Returns one line per violation.
 */
export function lostWrites(server: ServerSnapshot): string[] {
  const problems: string[] = [];
  const rows = new Map(server.rows.map((r) => [key(r.entity, r.id), r]));
  const oracle = new Map<string, RowState>();
  for (const op of server.log) {
    if (op.outcome === 'rejected') continue;
    const set = JSON.parse(op.fields) as Record<string, FieldValue>;
    const k = key(op.entity, op.id);
    const row = rows.get(k);
    for (const field of Object.keys(set)) {
      // A non-owner's scope/owner fields are a lost create race's moot claim (see checkOp).
      if ((field === 'scope' || field === 'ownerId') && row && row.ownerId !== op.user_id) continue;
      if (!row || (row.clocks[field] ?? '') < op.final_hlc) problems.push(`${k}.${field} lost op ${op.client_id}#${op.client_seq}`);
    }
    const { row: next, changed } = mergeOp(
      oracle.get(k),
      { entity: op.entity as Entity, id: op.id, set, hlc: op.final_hlc },
      { userId: op.user_id },
    );
    if (changed.length) oracle.set(k, { ...next, rowSeq: Number(op.seq) });
  }
  for (const [k, expected] of oracle) {
    if (!isDeepStrictEqual(expected, rows.get(k))) problems.push(`${k} differs from the op-log fold`);
  }
  if (oracle.size !== rows.size) problems.push(`server has ${rows.size} rows, the op log folds to ${oracle.size}`);
  return problems;
}

/**
 * A create refused as FORBIDDEN lost a race for a deterministic id (two teammates adding the
 * same address to a shared person), which is not a takeover: the user's edit would be lost.
 * Creates are the ops that name their author as owner. NOT_FOUND stays legitimate: the id is
 * taken by a record the author may not see.
 */
export function refusedCreates(server: ServerSnapshot): string[] {
  return server.log
    .filter((op) => op.outcome === 'rejected' && op.reject_code === 'FORBIDDEN')
    .filter((op) => (JSON.parse(op.fields) as Record<string, FieldValue>).ownerId === op.user_id)
    .map((op) => `${key(op.entity, op.id)} create by ${op.client_id}#${op.client_seq} refused: ${op.reject_message ?? ''}`);
}

/**
 * I3 (nothing silently dropped): every op a client generated reached the op log exactly once,
 * and the ones the server refused are in the client's rejected list.
 */
export async function droppedOps(c: SimClient, server: ServerSnapshot): Promise<string[]> {
  const device = await getMeta(c.db, 'device');
  const mine = server.log.filter((op) => op.client_id === device?.clientId);
  const refused = mine.filter((op) => op.outcome === 'rejected').length;
  const problems: string[] = [];
  if (mine.length !== c.generated.size) problems.push(`${c.name}: generated ${c.generated.size} ops, server logged ${mine.length}`);
  const rejected = await c.db.rejected.count();
  if (rejected !== refused) problems.push(`${c.name}: server refused ${refused} ops, client kept ${rejected}`);
  return problems;
}

/**
 * I1 (convergence): the client's view tables hold exactly the server rows its user may see,
 * each derived by the shared rule, and nothing else; its outbox is empty and it is at the head.
 */
export async function divergence(c: SimClient, server: ServerSnapshot): Promise<string[]> {
  const problems: string[] = [];
  const visible = server.rows.filter((r) => r.scope === 'team' || r.scope === `user:${c.userId}`);
  for (const entity of VIEW_ENTITIES) {
    const expected = new Map<string, unknown>();
    for (const row of visible.filter((r) => r.entity === entity)) {
      expected.set(row.id, ENTITY_SCHEMAS[entity].parse(toRecord(row)));
    }
    const actual = new Map(((await c.db.table(entity).toArray()) as { id: string }[]).map((r) => [r.id, r]));
    for (const [id, want] of expected) {
      if (!isDeepStrictEqual(actual.get(id), want)) problems.push(`${c.name}: ${entity}/${id} differs from the server`);
    }
    for (const id of actual.keys()) if (!expected.has(id)) problems.push(`${c.name}: ${entity}/${id} is not on the server for this user`);
  }
  const outbox = await c.db.outbox.count();
  if (outbox) problems.push(`${c.name}: ${outbox} ops left in the outbox`);
  const cursor = await getMeta(c.db, 'cursor');
  if (cursor !== server.seq) problems.push(`${c.name}: cursor ${String(cursor)} is not the server seq ${server.seq}`);
  return problems;
}
