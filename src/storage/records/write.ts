import type { Table } from 'dexie';
import { device, nextStamp } from './clock';
import { isErased } from '../../sync/erase';
import { eraseLocalCopies } from './erase-local';
import { keepServerRow } from './server-row';
import type { ClydeDB } from '../db';
import { ENTITY_SCHEMAS, type Entity, type RecordOf, type Scope } from '../schema';

type Fields<E extends Entity> = Partial<Omit<RecordOf<E>, 'id' | 'clocks' | 'rowSeq' | 'updatedAt' | 'ownerId'>>;

/**
 * What a transaction around `writeRecord` calls must cover besides the record tables it names:
 * the outbox and clock (meta) it appends to, `srv`, where a write keeps the server's row, and
 * `rejected`, whose copies of a record's refused edits a delete erases.
 */
export function writeTables(db: ClydeDB, ...records: Table[]): Table[] {
  return [...records, db.srv, db.outbox, db.meta, db.rejected];
}

/**
 * The only way records are written. In one strict transaction it stamps every field it sets with
 * a fresh clock, writes the record and appends the same change to the outbox, so an edit can
 * never exist without the op that will carry it to the team (sync.md §4.4).
 *
 * Creating a record (no record with `id` yet) makes it private to this device's user unless
 * `set.scope` says otherwise. Changing a missing record without `create` throws. Fields given as
 * `undefined` are left alone; clear a field with `null` where its schema allows it.
 */
export async function writeRecord<E extends Entity>(
  db: ClydeDB,
  entity: E,
  id: string,
  set: Fields<E>,
  { create = false }: { create?: boolean } = {},
): Promise<RecordOf<E>> {
  const table = db.table(entity);
  // An identity's default scope follows its person, so identity writes read `people` too.
  const tables = writeTables(db, table, ...(entity === 'identities' ? [db.people] : []));
  return db.transaction('rw', tables, async () => {
    const me = await device(db);
    const prev = (await table.get(id)) as RecordOf<E> | undefined;
    if (!prev && !create) throw new Error(`No ${entity} record ${id} to change.`);
    const given = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    const fields: Record<string, unknown> = prev
      ? given
      : { scope: await defaultScope(db, entity, given, me.userId), ownerId: me.userId, deleted: false, ...given };
    const hlc = await nextStamp(db, me.clientId);
    const clocks = { ...prev?.clocks };
    for (const key of Object.keys(fields)) clocks[key] = hlc;
    const next = ENTITY_SCHEMAS[entity].parse({
      rowSeq: 0,
      ...prev,
      ...fields,
      id,
      clocks,
      updatedAt: Date.now(),
    }) as RecordOf<E>;
    await keepServerRow(db, entity, prev);
    await db.outbox.add({ entity, id, set: fields, hlc, state: 'pending' });
    // A delete erases (sync/erase.ts): no view record, and the earlier edits lose their text.
    if (isErased(entity, next)) {
      await table.delete(id);
      if (next.ownerId === me.userId) await eraseLocalCopies(db, entity, id);
    } else await table.put(next);
    return next;
  });
}

/**
 * New records are private to their author, except an address added to a shared person: who a
 * shared person is (every address they go by) is shared with them, so a teammate who opens that
 * person sees all of it and two teammates adding the same address write one shared record.
 */
async function defaultScope(db: ClydeDB, entity: Entity, given: Record<string, unknown>, userId: string): Promise<Scope> {
  if (entity === 'identities' && typeof given.personId === 'string') {
    if ((await db.people.get(given.personId))?.scope === 'team') return 'team';
  }
  return `user:${userId}`;
}

/**
 * Deletes are an ordinary field write, so they sync and merge like any edit; the merge erases the
 * record's content wherever it lands (sync/erase.ts), here at once.
 */
export function deleteRecord(db: ClydeDB, entity: Entity, id: string) {
  return writeRecord(db, entity, id, { deleted: true } as Fields<typeof entity>);
}
