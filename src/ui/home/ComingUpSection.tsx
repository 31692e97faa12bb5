import { dateText } from '../../home/reasons';
import { COMING_UP_DAYS, comingUp } from '../../home/sections';
import { db } from '../../storage/db';
import { useLimit, useSection } from './clock';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import type { PersonTarget } from './route';
import { Row } from './Row';
import { formatNumber, t } from '../../i18n';

/** Life events in the next two weeks: the exam to wish luck for, the birthday, the trip to ask about. */
export function ComingUpSection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection((now) => comingUp(db, now, limit), [limit]);
  return (
    <HomeSection
      id="coming-up"
      title={t('home.comingUp.title')}
      page={section?.data}
      onShowAll={showAll}
      empty={t('home.comingUp.empty', { days: formatNumber(COMING_UP_DAYS) })}
    >
      {section?.data.entries.map(({ person, event, day }) => (
        <Row
          key={`${person.id}:${event.noteId}:${day}`}
          actions={{ 'home.person': () => open({ personId: person.id, noteId: event.noteId }) }}
        >
          <PersonLine person={person}>
            <p dir="auto" data-testid="home-event">
              <span className="font-semibold">{dateText(day, section.now)}:</span> {event.excerpt}
            </p>
          </PersonLine>
        </Row>
      ))}
    </HomeSection>
  );
}
