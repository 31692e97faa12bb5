import type { ClydeDB } from '../storage/db';
import { writeRecord, writeTables } from '../storage/records/write';
import type { Company, Person } from '../storage/schema';
import { t } from '../i18n';

/**
 * A person the team shares never points at a company only this user can see: teammates would
 * see a link to nothing. Sharing stays an explicit act, so such a link waits until the company
 * is shared.
 */
export const mayLink = (person: Pick<Person, 'scope'>, company: Pick<Company, 'scope'>) =>
  person.scope !== 'team' || company.scope === 'team';

/** Says where this person works, by hand; `null` says nowhere (unlinks). */
export function linkPerson(db: ClydeDB, personId: string, companyId: string | null): Promise<Person> {
  return db.transaction('rw', writeTables(db, db.people, db.companies), async () => {
    const person = await db.people.get(personId);
    if (!person || person.deleted) throw new Error(t('errors.thatPersonNoLongerExists'));
    if (companyId === null) return writeRecord(db, 'people', personId, { companyId: null });
    const company = await db.companies.get(companyId);
    if (!company || company.deleted) throw new Error(t('errors.thatCompanyNoLongerExists'));
    if (!mayLink(person, company)) {
      const [who, where] = [person.name || t('moreErrors.thisPersonStart'), company.name];
      throw new Error(t('moreErrors.linkShared', { who, where }));
    }
    return writeRecord(db, 'people', personId, { companyId });
  });
}
