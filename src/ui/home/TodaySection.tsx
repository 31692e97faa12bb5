import { useLiveQuery } from 'dexie-react-hooks';
import { contextLine } from '../../home/context';
import { dateText } from '../../home/reasons';
import { today, todayTotal } from '../../home/sections';
import { db } from '../../storage/db';
import { dayOf } from '../../storage/summaries/summary';
import { setTaskDone } from '../../storage/records/tasks';
import { useAction } from '../useAction';
import { useLimit, useSection } from './clock';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import type { PersonTarget } from './route';
import { useTotal } from './totals';
import { Row } from './Row';
import { t } from '../../i18n';

/**
 * The one line to have in mind about a person, read by the row itself: the section is on screen
 * with its tasks without waiting for each of its people's facts and notes.
 */
function Context({ personId }: { personId: string }) {
  const context = useLiveQuery(() => contextLine(db, personId), [personId]);
  return context ? (
    <p className="truncate text-xs text-slate-500" dir="auto" data-testid="home-context">
      {context}
    </p>
  ) : null;
}

/** Tasks due today and overdue, across people, each under the one line to have in mind about them. */
export function TodaySection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection((now) => today(db, now, limit), [limit]);
  const page = useTotal(section, (now) => todayTotal(db, now));
  // Ticking a task is a write like any other: a failure is shown, not swallowed.
  const { error, run } = useAction();
  const done = (taskId: string) => void run(() => setTaskDone(db, taskId, true));
  return (
    <HomeSection id="today" title={t('home.today.title')} page={page} onShowAll={showAll} error={error} empty={t('home.today.empty')}>
      {section?.data.entries.map(({ person, tasks }) => (
        <li key={person.id}>
          <PersonLine person={person}>
            <Context personId={person.id} />
            <ul className="mt-1 space-y-1">
              {tasks.map((task) => (
                <Row
                  key={task.id}
                  actions={{ 'home.person': () => open({ personId: person.id, taskId: task.id }), 'home.done': () => done(task.id) }}
                >
                  <div className="flex items-start gap-2" data-testid="home-task">
                    <span className="min-w-0 flex-1" dir="auto">
                      {task.title}
                      <span className={`ml-2 text-xs ${task.due! < dayOf(section.now.getTime()) ? 'text-red-700' : 'text-slate-500'}`}>
                        {t('tasks.due', { when: dateText(task.due!, section.now) })}
                      </span>
                    </span>
                    <button type="button" onClick={() => done(task.id)} className="text-xs text-blue-700 underline">
                      {t('home.done')}
                    </button>
                  </div>
                </Row>
              ))}
            </ul>
          </PersonLine>
        </li>
      ))}
    </HomeSection>
  );
}
