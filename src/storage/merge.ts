import type { ClydeDB } from './db';
import { addIdentity, identitiesFor } from './identity';
import { deleteRecord, writeRecord } from './write';

/**
 * Moves everything `fromId` has (notes, facts, tasks, identities) to `intoId` and marks `fromId`
 * as merged into it. One transaction: a merge happens whole or not at all. Only ever called on
 * the user's explicit confirmation; Clyde suggests merges, it never makes them.
 */
export async function mergePeople(db: ClydeDB, fromId: string, intoId: string): Promise<void> {
  if (fromId === intoId) throw new Error('A person cannot be merged into themselves.');
  return db.transaction('rw', [db.people, db.identities, db.notes, db.preferences, db.tasks, db.outbox, db.meta], async () => {
    const [from, into] = await db.people.bulkGet([fromId, intoId]);
    if (!from || from.deleted || !into || into.deleted) throw new Error('Both people must exist to merge them.');
    for (const table of ['notes', 'preferences', 'tasks'] as const) {
      const rows = await db.table(table).where('personId').equals(fromId).toArray();
      for (const row of rows) await writeRecord(db, table, row.id as string, { personId: intoId });
    }
    // Identity ids include the person, so an identity moves by being added to the other person.
    for (const identity of await identitiesFor(db, fromId)) {
      await addIdentity(db, intoId, identity.kind, identity.display);
      await deleteRecord(db, 'identities', identity.id);
    }
    await writeRecord(db, 'people', fromId, { deleted: true, mergedInto: intoId });
  });
}
