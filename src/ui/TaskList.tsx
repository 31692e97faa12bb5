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
import { ShareToggle } from './sync/ShareToggle';
import { ShareViewerContext } from './sync/share-viewer';
import { useAction } from './useAction';
import { formatDay, formatDayTime } from './dates';
import { t } from '../i18n';

/** Open tasks for the person, soonest due first. */
export function TaskList({ personId }: { personId: string }) {
  const tasks = useLiveQuery(() => openTasksFor(db, personId), [personId]);
  const who = useContext(ShareViewerContext);
  // Ticking a task is a write like any other: a failure is shown, not swallowed.
  const { error, run } = useAction();
  return (
    <Section title={t('tasks.title')}>
      <ul className="mt-1 space-y-1">
        {tasks?.map((task) => (
          <li key={task.id} data-testid="task" data-task-id={task.id} className="flex items-start gap-2">
            <input
              type="checkbox"
              aria-label={t('tasks.done', { title: task.title })}
              checked={task.done}
              onChange={(e) => void run(() => setTaskDone(db, task.id, e.target.checked))}
              className="mt-1"
            />
            <div className="min-w-0 flex-1">
              <EditableText
                text={task.title}
                label={t('tasks.task')}
                onSave={(title) => updateTask(db, task.id, { title })}
                onDelete={() => deleteTask(db, task.id)}
                deleteRefusal={deleteRefusal(who, 'tasks', task)}
              >
                <ShareToggle entity="tasks" record={task} />
              </EditableText>
              <LostEditLine entity="tasks" record={task} />
              {task.due != null && (
                <div className={`text-xs ${task.due < Date.now() ? 'text-red-700' : 'text-slate-500'}`}>
                  {t('tasks.due', { when: task.dueTime != null ? formatDayTime(dueAt(task)!) : formatDay(task.due) })}
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <AddTask
        label={t('tasks.add')}
        placeholder={t('tasks.addPlaceholder')}
        dueLabel={t('tasks.dueDate')}
        onAdd={(title, due) => addTask(db, personId, title, due)}
      />
    </Section>
  );
}
