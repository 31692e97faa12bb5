import { peopleOf } from '../../opportunities/opportunities';
import type { ClydeDB } from '../../storage/db';
import { isCompanyId } from '../../storage/company-id';
import type { Entity, Scope } from '../../storage/schema';
import { writeRecord } from '../../storage/records/write';
import { deviceOf, syncTables } from './state';
import { t } from '../../i18n';

/**
 * Records that hang off a subject, a person or a company (a `co-` id); sharing one makes no sense
 * if the subject stays hidden.
 */
const ABOUT_A_SUBJECT: readonly Entity[] = ['notes', 'preferences', 'tasks'];

interface Shareable {
  ownerId: string;
  scope: string;
  personId?: string;
  companyId?: string | null;
  personIds?: string;
}

/**
 * Shares a record the user owns with the team, or makes it private again. Sharing a note, fact
 * or task also shares whom it is about: its person, that person's identities and company card,
 * or its company card. Sharing an opportunity shares its company and its people the same way. Only what the user
 * owns is shared along; a teammate's private record stays theirs. Making a record private touches
 * only that record. One transaction: either everything is shared or nothing is.
 */
export async function setShared(db: ClydeDB, entity: Entity, id: string, shared: boolean): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const me = await deviceOf(db);
    if (!me) throw new Error(t('errors.thisDeviceHasNoUser'));
    const scope: Scope = shared ? 'team' : `user:${me.userId}`;
    const share = async (e: Entity, recordId: string) => {
      const r = (await db.table(e).get(recordId)) as Shareable | undefined;
      if (r && r.ownerId === me.userId && r.scope !== scope) await writeRecord(db, e, recordId, { scope });
    };
    const shareSubject = async (subjectId: string) => {
      if (isCompanyId(subjectId)) return share('companies', subjectId);
      await share('people', subjectId);
      for (const identity of await db.identities.where('personId').equals(subjectId).toArray()) await share('identities', identity.id);
      // A shared person never points at a company teammates cannot see (companies/link-person.ts).
      const companyId = (await db.people.get(subjectId))?.companyId;
      if (companyId) await share('companies', companyId);
    };
    const record = (await db.table(entity).get(id)) as Shareable | undefined;
    if (!record) throw new Error(t('errors.thatRecordIsGone'));
    if (record.ownerId !== me.userId) throw new Error(t('errors.onlyThePersonWhoWrote'));
    await share(entity, id);
    if (!shared) return;
    if (ABOUT_A_SUBJECT.includes(entity) && record.personId) await shareSubject(record.personId);
    else if (entity === 'people') await shareSubject(id);
    else if (entity === 'opportunities') {
      if (record.companyId) await share('companies', record.companyId);
      for (const personId of peopleOf(record)) await shareSubject(personId);
    }
  });
}
