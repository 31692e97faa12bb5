import { contextLine } from '../../home/context';
import { dateText } from '../../home/reasons';
import { today } from '../../home/sections';
import { db } from '../../storage/db';
import { dayOf } from '../../storage/summaries/summary';
import { setTaskDone } from '../../storage/records/tasks';
import { useAction } from '../useAction';
import { useLimit, useSection } from './clock';
import { HomeSection } from './HomeSection';
import { PersonLine } from './PersonLine';
import type { PersonTarget } from './route';
import { Row } from './Row';

/** Tasks due today and overdue, across people, each under the one line to have in mind about them. */
export function TodaySection({ open }: { open: (to: PersonTarget) => void }) {
  const [limit, showAll] = useLimit();
  const section = useSection(
    async (now) => {
      const page = await today(db, now, limit);
      return {
        ...page,
        entries: await Promise.all(page.entries.map(async (e) => ({ ...e, context: await contextLine(db, e.person.id) }))),
      };
    },
    [limit],
  );
  // Ticking a task is a write like any other: a failure is shown, not swallowed.
  const { error, run } = useAction();
  const done = (taskId: string) => void run(() => setTaskDone(db, taskId, true));
  return (
    <HomeSection
      id="today"
      title="Today"
      count={section?.data.entries.length}
      total={section?.data.total}
      onShowAll={showAll}
      error={error}
      empty="Nothing due today. Tasks you add in the panel with a date show here."
    >
      {section?.data.entries.map(({ person, tasks, context }) => (
        <li key={person.id}>
          <PersonLine person={person}>
            {context && (
              <p className="truncate text-xs text-slate-500" dir="auto" data-testid="home-context">
                {context}
              </p>
            )}
            <ul className="mt-1 space-y-1">
              {tasks.map((t) => (
                <Row
                  key={t.id}
                  actions={{ 'home.person': () => open({ personId: person.id, taskId: t.id }), 'home.done': () => done(t.id) }}
                >
                  <div className="flex items-start gap-2" data-testid="home-task">
                    <span className="min-w-0 flex-1" dir="auto">
                      {t.title}
                      <span className={`ml-2 text-xs ${t.due! < dayOf(section.now.getTime()) ? 'text-red-700' : 'text-slate-500'}`}>
                        due {dateText(t.due!, section.now)}
                      </span>
                    </span>
                    <button type="button" onClick={() => done(t.id)} className="text-xs text-blue-700 underline">
                      Done
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
