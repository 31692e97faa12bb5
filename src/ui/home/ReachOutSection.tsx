import { reachedOut } from '../../home/resolve';
import { reachOut, reachOutTotal } from '../../home/sections';
import { db } from '../../storage/db';
import { homeNow, useLimit, useSection } from './clock';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import { ResolvableRow } from './ResolvableRow';
import type { PersonTarget } from './route';
import { useTotal } from './totals';
import { t } from '../../i18n';

/** People past their keep-in-touch rhythm, and which rhythm (chosen, or learned and said so). */
export function ReachOutSection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection((now) => reachOut(db, now, limit), [limit]);
  const page = useTotal(section, (now) => reachOutTotal(db, now));
  return (
    <HomeSection id="reach-out" title={t('home.reachOut.title')} page={page} onShowAll={showAll} empty={t('home.reachOut.empty')}>
      {section?.data.entries.map(({ person, reasons }) => (
        <li key={person.id}>
          <PersonLine person={person}>
            <ul className="mt-1">
              <ResolvableRow
                personId={person.id}
                reason={reasons[0]!}
                verb={t('homeActions.reachedOut')}
                ask={t('homeActions.howReachedOut')}
                open={open}
                onSave={(how) => reachedOut(db, person.id, how, homeNow())}
              />
            </ul>
          </PersonLine>
        </li>
      ))}
    </HomeSection>
  );
}
