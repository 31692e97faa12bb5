import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { companyByName } from '../../companies/by-name';
import { createCompany } from '../../companies/companies';
import { emailDomain } from '../../companies/domains';
import { isFreeMailDomain } from '../../companies/free-mail';
import { linkPerson } from '../../companies/link-person';
import { db } from '../../storage/db';
import type { Person } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * Says where a person works, by hand: an existing company by name, or a new one, which takes the
 * person's email domain (unless it is free mail) so their colleagues link themselves from then on.
 * Prefilled with the company the page or profile names.
 */
export function LinkCompany({ person }: { person: Person }) {
  const [name, setName] = useState<string>();
  const { error, run } = useAction();
  const companies = useLiveQuery(() => db.companies.filter((c) => !c.deleted && !c.mergedInto).toArray(), [], []);
  if (name === undefined) {
    return (
      <button
        type="button"
        onClick={() => setName(person.company ?? '')}
        className="text-blue-700 hover:underline"
        data-testid="link-company"
      >
        {t('company.addToCompany')}
      </button>
    );
  }
  const save = () =>
    run(async () => {
      const existing = await companyByName(db, name);
      const company = existing ?? (await createCompany(db, { name, domains: await workDomains(person.id) }));
      await linkPerson(db, person.id, company.id);
    });
  return (
    <span className="inline-flex flex-col">
      <input
        autoFocus
        list="clyde-companies"
        aria-label={t('company.company')}
        placeholder={t('company.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setName(undefined);
          if (e.key === 'Enter') void save();
        }}
        className="rounded border border-blue-600 px-2 py-0.5 focus:outline-none"
      />
      <datalist id="clyde-companies">
        {companies.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      <ErrorLine error={error} />
    </span>
  );
}

/** The person's email domains that say where they work: not gmail.com and the like. */
async function workDomains(personId: string): Promise<string[]> {
  const emails = await db.identities
    .where('personId')
    .equals(personId)
    .filter((i) => i.kind === 'email' && !i.deleted)
    .toArray();
  const domains = emails.flatMap((i) => emailDomain(i.value) ?? []);
  return [...new Set(domains.filter((d) => !isFreeMailDomain(d)))];
}
