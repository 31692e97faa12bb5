import { useLiveQuery } from 'dexie-react-hooks';
import { useContext } from 'react';
import { db } from '../storage/db';
import { addTask, deleteTask, dueAt, openTasksFor, setTaskDone, updateTask } from '../storage/records/tasks';
import { AddTask } from './AddTask';
import { EditableText } from './EditableText';
import { ErrorLine } from './ErrorLine';
import { Section } from './Section';
import { deleteRefusal } from './sync/delete-refusal';
import { LostEditLine } from './sync/LostEditLine';
import { ShareToggle, ShareViewerContext } from './sync/ShareToggle';
import { useAction } from './useAction';
import { formatDay, formatDayTime } from './dates';

/** Open tasks for the person, soonest due first. */
export function TaskList({ personId }: { personId: string }) {
  const tasks = useLiveQuery(() => openTasksFor(db, personId), [personId]);
  const who = useContext(ShareViewerContext);
  // Ticking a task is a write like any other: a failure is shown, not swallowed.
  const { error, run } = useAction();
  return (
    <Section title="Tasks">
      <ul className="mt-1 space-y-1">
        {tasks?.map((t) => (
          <li key={t.id} data-testid="task" data-task-id={t.id} className="flex items-start gap-2">
            <input
              type="checkbox"
              aria-label={`Done: ${t.title}`}
              checked={t.done}
              onChange={(e) => void run(() => setTaskDone(db, t.id, e.target.checked))}
              className="mt-1"
            />
            <div className="min-w-0 flex-1">
              <EditableText
                text={t.title}
                label="task"
                onSave={(title) => updateTask(db, t.id, { title })}
                onDelete={() => deleteTask(db, t.id)}
                deleteRefusal={deleteRefusal(who, 'tasks', t)}
              >
                <ShareToggle entity="tasks" record={t} />
              </EditableText>
              <LostEditLine entity="tasks" record={t} />
              {t.due != null && (
                <div className={`text-xs ${t.due < Date.now() ? 'text-red-700' : 'text-slate-500'}`}>
                  due {t.dueTime != null ? formatDayTime(dueAt(t)!) : formatDay(t.due)}
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <AddTask
        label="Add a task"
        placeholder="Send a quote"
        dueLabel="Due date"
        onAdd={(title, due) => addTask(db, personId, title, due)}
      />
    </Section>
  );
}
