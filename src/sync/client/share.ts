import type { ClydeDB } from '../../storage/db';
import type { Entity, Scope } from '../../storage/schema';
import { writeRecord } from '../../storage/records/write';
import { deviceOf, syncTables } from './state';

/** Records that hang off a person; sharing one makes no sense if the person stays hidden. */
const ABOUT_A_PERSON: readonly Entity[] = ['notes', 'preferences', 'tasks'];

/**
 * Shares a record the user owns with the team, or makes it private again. Sharing a note, fact
 * or task also shares its person and that person's identities, where the user owns them, so a
 * teammate sees whom it is about. Making a record private touches only that record. One
 * transaction: either everything is shared or nothing is.
 */
export async function setShared(db: ClydeDB, entity: Entity, id: string, shared: boolean): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const me = await deviceOf(db);
    if (!me) throw new Error('This device has no user yet.');
    const scope: Scope = shared ? 'team' : `user:${me.userId}`;
    const share = async (e: Entity, recordId: string) => {
      const r = (await db.table(e).get(recordId)) as { ownerId: string; scope: string } | undefined;
      if (r && r.ownerId === me.userId && r.scope !== scope) await writeRecord(db, e, recordId, { scope });
    };
    const record = (await db.table(entity).get(id)) as { ownerId: string; personId?: string } | undefined;
    if (!record) throw new Error('That record is gone.');
    if (record.ownerId !== me.userId) throw new Error('Only the person who wrote this can change who sees it.');
    await share(entity, id);
    if (!shared) return;
    const personId = ABOUT_A_PERSON.includes(entity) ? record.personId : entity === 'people' ? id : undefined;
    if (!personId) return;
    await share('people', personId);
    for (const identity of await db.identities.where('personId').equals(personId).toArray()) await share('identities', identity.id);
  });
}
