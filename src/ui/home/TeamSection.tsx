import { useLiveQuery } from 'dexie-react-hooks';
import { ago } from '../../home/reasons';
import { teamThisWeek, viewerOf } from '../../home/sections';
import { db } from '../../storage/db';
import { getMeta } from '../../storage/keys';
import { useLimit, useSection } from './clock';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import { personHref, type PersonTarget } from './route';
import { Row } from './Row';
import { t } from '../../i18n';

/**
 * What teammates shared this week, by the person it is about. Only on a device in a team. What
 * was learned, never who wrote how much: there is no count per teammate here or anywhere.
 */
export function TeamSection({ open }: { open: (to: PersonTarget) => void }) {
  const inTeam = useLiveQuery(async () => !!(await getMeta(db, 'account')));
  if (!inTeam) return null;
  return <TeamNotes open={open} />;
}

function TeamNotes({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection(async (now) => teamThisWeek(db, now, await viewerOf(db), limit), [limit]);
  return (
    <HomeSection id="team" title={t('home.team.title')} page={section?.data} onShowAll={showAll} empty={t('home.team.empty')}>
      {section?.data.entries.map(({ person, notes }) => (
        <Row key={person.id} actions={{ 'home.person': () => open({ personId: person.id, noteId: notes[0]!.noteId }) }}>
          <PersonLine person={person}>
            <ul>
              {notes.map((n) => (
                <li key={n.noteId} dir="auto" data-testid="home-team-note">
                  <a href={personHref({ personId: person.id, noteId: n.noteId })} className="hover:underline">
                    {n.excerpt}
                  </a>{' '}
                  <span className="text-xs text-slate-500">{ago(n.at, section.now)}</span>
                </li>
              ))}
            </ul>
          </PersonLine>
        </Row>
      ))}
    </HomeSection>
  );
}
