import { resolveReason } from '../../home/resolve';
import { atRisk, atRiskTotal, viewerOf } from '../../home/sections';
import { idleDeals } from '../../opportunities/signals';
import { db } from '../../storage/db';
import { homeNow, useLimit, useSection } from './clock';
import { DealRow } from './DealRow';
import { withDeals } from './with-deals';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import { ResolvableRow } from './ResolvableRow';
import type { PersonTarget } from './route';
import { useTotal } from './totals';
import { t } from '../../i18n';

/**
 * Who is at risk, and why: each reason links its evidence and is resolved with one key. Deals left
 * idle past their stage's limit follow the people, each with its sentence.
 */
export function AtRiskSection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection(async (now) => atRisk(db, now, await viewerOf(db), limit), [limit]);
  const page = useTotal(section, (now) => atRiskTotal(db, now));
  const deals = useSection((now) => idleDeals(db, now));
  return (
    <HomeSection
      id="at-risk"
      title={t('home.atRisk.title')}
      page={withDeals(page, deals?.data)}
      onShowAll={showAll}
      empty={t('home.atRisk.empty')}
    >
      {section?.data.entries.map(({ person, reasons }) => (
        <li key={person.id}>
          <PersonLine person={person}>
            <ul className="mt-1 space-y-1">
              {reasons.map((r) => (
                <ResolvableRow
                  key={r.kind}
                  personId={person.id}
                  reason={r}
                  verb={t('homeActions.resolve')}
                  ask={r.kind === 'silence' ? t('homeActions.howInTouch') : t('homeActions.howResolved')}
                  open={open}
                  onSave={(how) => resolveReason(db, person.id, r, how, homeNow())}
                />
              ))}
            </ul>
          </PersonLine>
        </li>
      ))}
      {deals?.data.map((d) => (
        <DealRow key={d.opportunity.id} deal={d} />
      ))}
    </HomeSection>
  );
}
