import type { ClydeDB } from '../db';
import type { Task } from '../schema';
import { deleteRecord, writeRecord } from './write';
import { t } from '../../i18n';

/** `dueTime` (minutes after midnight) counts only with a `due` day: a time on no day reminds no one. */
export async function addTask(db: ClydeDB, personId: string, title: string, due?: number, dueTime?: number): Promise<Task> {
  const trimmed = title.trim();
  if (!trimmed) throw new Error(t('errors.aTaskNeedsATitle'));
  const time = due === undefined ? undefined : dueTime;
  return writeRecord(db, 'tasks', crypto.randomUUID(), { personId, title: trimmed, due, dueTime: time, done: false }, { create: true });
}

export async function updateTask(db: ClydeDB, id: string, fields: Partial<Pick<Task, 'title' | 'due' | 'dueTime' | 'assignee'>>) {
  if (fields.title !== undefined && !fields.title.trim()) throw new Error(t('errors.aTaskNeedsATitle'));
  return writeRecord(db, 'tasks', id, fields);
}

export function setTaskDone(db: ClydeDB, id: string, done: boolean) {
  return writeRecord(db, 'tasks', id, { done });
}

export function deleteTask(db: ClydeDB, id: string) {
  return deleteRecord(db, 'tasks', id);
}

/**
 * The moment a task with a time is due: its due day's local date at that wall-clock time, built
 * from the calendar date rather than by adding minutes to midnight, which is an hour off on the
 * days clocks change. A time the clocks skip (02:30 on a spring-forward night) is the moment
 * after the gap, 03:30; one they pass twice is the first. Undefined without a day or a time.
 */
export function dueAt(task: Pick<Task, 'due' | 'dueTime'>): number | undefined {
  if (task.due == null || task.dueTime == null) return undefined;
  const d = new Date(task.due);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), Math.floor(task.dueTime / 60), task.dueTime % 60).getTime();
}

/** Open tasks, soonest due first; undated ones after dated ones, oldest first. */
export async function openTasksFor(db: ClydeDB, personId: string): Promise<Task[]> {
  const rows = await db.tasks.where('personId').equals(personId).toArray();
  return rows.filter((t) => !t.deleted && !t.done).sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.updatedAt - b.updatedAt);
}
