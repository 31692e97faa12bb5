import { useLiveQuery } from 'dexie-react-hooks';
import { companyByEmail } from '../../companies/by-email';
import { linkPerson } from '../../companies/link-person';
import { companyStory } from '../../companies/story';
import { ago } from '../../home/reasons';
import { displayName, type Correspondent } from '../../parsers/schema';
import { db } from '../../storage/db';
import { ensurePersonFor } from '../../storage/records/identity';
import { ErrorLine } from '../ErrorLine';
import { HomeLink } from '../home/HomeLink';
import { companyHref, opportunityHref } from '../home/route';
import { useAction } from '../useAction';
import { formatNumber, t } from '../../i18n';

const SHOWN_COLLEAGUES = 5;

/**
 * Someone new writes from a company Clyde knows: before anything else, the account's story — the
 * colleagues the team knows, the last complaint, the open deals — so the reply is informed from
 * the first line, and one action adds the person to that company.
 */
export function CompanyStory({ correspondent: c }: { correspondent: Correspondent }) {
  const { error, run } = useAction();
  const story = useLiveQuery(async () => {
    const company = c.email ? await companyByEmail(db, c.email) : undefined;
    return (company && (await companyStory(db, company.id))) ?? null;
  }, [c.email]);
  if (!story) return null;
  const { company, colleagues, lastComplaint, openDeals } = story;
  const name = displayName(c) ?? t('company.them');
  const now = new Date();
  return (
    <section
      aria-label={t('company.storyLabel', { company: company.name })}
      data-testid="company-story"
      className="mb-4 rounded border border-blue-200 bg-blue-50/50 p-2"
    >
      <h2 className="text-sm font-semibold">
        <HomeLink hash={companyHref(company.id)} title={t('company.onHome', { company: company.name })} className="hover:underline">
          {company.name}
        </HomeLink>
        <span className="font-normal text-slate-600"> — {t('company.youKnow')}</span>
      </h2>
      {colleagues.length > 0 && (
        <p className="mt-1 text-xs text-slate-700" data-testid="company-colleagues">
          {t('company.colleagues', colleagues.length, [formatNumber(colleagues.length)])}
          {colleagues
            .slice(0, SHOWN_COLLEAGUES)
            .map((p) => p.name || t('company.unnamed'))
            .join(', ')}
          {colleagues.length > SHOWN_COLLEAGUES ? '…' : '.'}
        </p>
      )}
      {lastComplaint && (
        <p className="mt-1 text-xs text-red-800" data-testid="company-complaint">
          {t('company.lastComplaint', { when: ago(lastComplaint.note.occurredAt, now) })}
          {lastComplaint.person?.name ? ` (${lastComplaint.person.name})` : ''}: ‘{lastComplaint.note.body}’
        </p>
      )}
      {openDeals.length > 0 && (
        <ul className="mt-1 text-xs" data-testid="company-deals">
          {openDeals.map(({ opportunity: o, stage }) => (
            <li key={o.id}>
              <HomeLink hash={opportunityHref(o.id)} title={t('company.openDeal')}>
                {o.title}
              </HomeLink>{' '}
              <span className="text-slate-500">({stage.name})</span>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        data-testid="add-to-company"
        onClick={() =>
          void run(async () => {
            const person = await ensurePersonFor(db, c);
            if (person.companyId !== company.id) await linkPerson(db, person.id, company.id);
          })
        }
        className="mt-2 rounded bg-blue-700 px-2 py-1 text-xs text-white hover:bg-blue-800"
      >
        {t('company.addTo', { name, company: company.name })}
      </button>
      <ErrorLine error={error} />
    </section>
  );
}
