import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { liveCompany, openDealsFor } from '../../companies/story';
import { db } from '../../storage/db';
import type { Person } from '../../storage/schema';
import { HomeLink } from '../home/HomeLink';
import { companyHref, opportunityHref } from '../home/route';
import { LinkCompany } from './LinkCompany';
import { NewOpportunity } from './NewOpportunity';
import { formatNumber, t } from '../../i18n';

const link = 'text-blue-700 hover:underline';

/**
 * Under the person card: where they work and what is open there, in one line —
 * "Acme · 4 people you know · Spring order (Proposal)" — each part a link to its page on Home,
 * and the one action that starts a deal with this person and company filled in.
 */
export function CompanyStrip({ person }: { person: Person }) {
  const [creating, setCreating] = useState(false);
  const data = useLiveQuery(async () => {
    const company = await liveCompany(db, person.companyId);
    const known = company
      ? await db.people
          .where('companyId')
          .equals(company.id)
          .filter((p) => !p.deleted && !p.mergedInto)
          .count()
      : 0;
    return { company, known, deals: await openDealsFor(db, person) };
  }, [person]);
  if (!data) return null;
  const { company, known, deals } = data;
  return (
    <div className="mt-2 text-xs" data-testid="company-strip">
      <p className="flex flex-wrap items-baseline gap-x-1 leading-6 text-slate-600">
        {company ? (
          <>
            <HomeLink
              hash={companyHref(company.id)}
              title={t('company.stripTitle', { company: company.name })}
              className={`${link} font-medium`}
            >
              {company.name}
            </HomeLink>
            <span>· {t('company.known', known, [formatNumber(known)])}</span>
          </>
        ) : (
          <LinkCompany person={person} />
        )}
        {deals.map(({ opportunity: o, stage }) => (
          <span key={o.id}>
            ·{' '}
            <HomeLink hash={opportunityHref(o.id)} title={t('company.openDeal')} className={link}>
              {o.title}
            </HomeLink>{' '}
            ({stage.name})
          </span>
        ))}
        {!creating && (
          <button type="button" onClick={() => setCreating(true)} className={`${link} ml-auto`} data-testid="new-opportunity-button">
            {t('company.newOpportunity')}
          </button>
        )}
      </p>
      {creating && <NewOpportunity personId={person.id} companyId={company?.id} onClose={() => setCreating(false)} />}
    </div>
  );
}
