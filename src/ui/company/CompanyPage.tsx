import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { addDomain, removeDomain, updateCompany } from '../../companies/companies';
import { domainsOf } from '../../companies/domains';
import { companyStory, dealsOf } from '../../companies/story';
import { db } from '../../storage/db';
import { AddField } from '../AddField';
import { ErrorLine } from '../ErrorLine';
import { personHref, opportunityHref } from '../home/route';
import { RememberList } from '../RememberList';
import { Section } from '../Section';
import { LostEditLine } from '../sync/LostEditLine';
import { ShareToggle } from '../sync/ShareToggle';
import { TaskList } from '../TaskList';
import { Timeline } from '../Timeline';
import { useAction } from '../useAction';
import { InlineEdit } from './InlineEdit';
import { MergeCompany } from './MergeCompany';
import { formatMoney } from '../../opportunities/money';
import { NewOpportunity } from './NewOpportunity';
import { BackLink } from '../home/BackLink';
import { Gone } from '../home/Gone';
import { formatNumber, t } from '../../i18n';

/**
 * A company's page on Home: its name, domains and LinkedIn page; the people Clyde knows there; its
 * deals; and its own Remember list, tasks and timeline (the panel's components, about the company).
 */
export function CompanyPage({ id, onBack }: { id: string; onBack: () => void }) {
  const story = useLiveQuery(async () => (await companyStory(db, id)) ?? null, [id]);
  const deals = useLiveQuery(() => dealsOf(db, id), [id]);
  const [creating, setCreating] = useState(false);
  const { error, run } = useAction();
  if (story === undefined) return null;
  if (!story) {
    return <Gone onBack={onBack}>{t('companyPage.gone')}</Gone>;
  }
  const { company, colleagues } = story;
  return (
    <article aria-label={company.name} data-testid="company-page" className="mx-auto max-w-5xl p-6">
      <BackLink onBack={onBack} />
      <div className="mt-3 grid gap-8 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div>
          <header className="flex items-start justify-between gap-2">
            <h1 className="text-lg font-semibold" dir="auto" data-testid="company-name">
              <InlineEdit
                value={company.name}
                label={t('companyPage.nameField')}
                onSave={(name) => updateCompany(db, company.id, { name })}
              />
            </h1>
            <ShareToggle entity="companies" record={company} />
          </header>
          <LostEditLine entity="companies" record={company} />
          <ul className="mt-1 flex flex-wrap gap-1 text-xs" aria-label={t('companyPage.domains')}>
            {domainsOf(company).map((d) => (
              <li key={d} className="rounded-full border border-slate-300 px-2">
                {d}
                <button
                  type="button"
                  aria-label={t('identities.remove', { what: d })}
                  onClick={() => void run(() => removeDomain(db, company.id, d))}
                  className="ml-1 text-slate-400 hover:text-red-700"
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <ErrorLine error={error} />
          <AddField label={t('companyPage.addDomain')} placeholder="acme.com" onAdd={(d) => addDomain(db, company.id, d)} />
          <p className="mt-1 text-xs">
            <InlineEdit
              value={company.linkedinUrl ?? ''}
              label={t('companyPage.linkedin')}
              placeholder={t('companyPage.linkedinPlaceholder')}
              onSave={(linkedinUrl) => updateCompany(db, company.id, { linkedinUrl })}
            />
          </p>
          <MergeCompany company={company} />
          <Section title={t('companyPage.people', { n: formatNumber(colleagues.length) })}>
            <ul className="mt-1 space-y-0.5" data-testid="company-people">
              {colleagues.map((p) => (
                <li key={p.id}>
                  <a href={personHref({ personId: p.id })} className="text-blue-700 hover:underline">
                    {p.name || t('search.unnamed')}
                  </a>
                  {p.headline && <span className="text-slate-500"> · {p.headline}</span>}
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('companyPage.opportunities')}>
            <ul className="mt-1 space-y-0.5" data-testid="company-deals">
              {deals?.map(({ opportunity: o, stage }) => (
                <li key={o.id}>
                  <a href={opportunityHref(o.id)} className="text-blue-700 hover:underline">
                    {o.title}
                  </a>{' '}
                  <span className="text-slate-500">
                    ({stage.name}
                    {o.value != null && `, ${formatMoney(o.value, o.currency)}`})
                  </span>
                  {o.reason && stage.outcome !== 'open' && <span className="text-slate-500"> — {o.reason}</span>}
                </li>
              ))}
            </ul>
            {creating ? (
              <NewOpportunity companyId={company.id} onClose={() => setCreating(false)} />
            ) : (
              <button type="button" onClick={() => setCreating(true)} className="mt-1 text-xs text-blue-700 hover:underline">
                {t('company.newOpportunity')}
              </button>
            )}
          </Section>
          <RememberList personId={company.id} />
          <TaskList personId={company.id} />
        </div>
        <div>
          <Timeline personId={company.id} />
        </div>
      </div>
    </article>
  );
}
