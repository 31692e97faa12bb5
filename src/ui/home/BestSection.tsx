import { best, viewerOf } from '../../home/sections';
import { wonDeals } from '../../opportunities/signals';
import { db } from '../../storage/db';
import { setStarred } from '../../storage/summaries/personal';
import { StarButton } from '../keep-in-touch/StarButton';
import { useAction } from '../useAction';
import { useLimit, useSection } from './clock';
import { DealRow } from './DealRow';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import { ReasonList } from './ReasonList';
import type { PersonTarget } from './route';
import { Row } from './Row';
import { withDeals } from './with-deals';
import { t } from '../../i18n';

/** The best customers, and why: praise noted, steady contact, the user's own star, or a deal won this year. */
export function BestSection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection(async (now) => best(db, now, await viewerOf(db), limit), [limit]);
  const deals = useSection((now) => wonDeals(db, now));
  const { error, run } = useAction();
  return (
    <HomeSection
      id="best"
      title={t('home.best.title')}
      page={withDeals(section?.data, deals?.data)}
      onShowAll={showAll}
      error={error}
      empty={t('home.best.empty')}
    >
      {section?.data.entries.map(({ person, summary, reasons }) => (
        <Row
          key={person.id}
          actions={{
            'home.person': () => open({ personId: person.id }),
            'home.star': () => void run(() => setStarred(db, person.id, !summary.starred)),
          }}
        >
          <PersonLine person={person}>
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1">
                <ReasonList personId={person.id} reasons={reasons} />
              </div>
              <StarButton personId={person.id} starred={summary.starred} />
            </div>
          </PersonLine>
        </Row>
      ))}
      {deals?.data.map((d) => (
        <DealRow key={d.opportunity.id} deal={d} />
      ))}
    </HomeSection>
  );
}
