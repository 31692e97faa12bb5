import type { ClydeDB } from '../db';
import type { Task } from '../schema';
import { deleteRecord, writeRecord } from './write';

export async function addTask(db: ClydeDB, personId: string, title: string, due?: number): Promise<Task> {
  const t = title.trim();
  if (!t) throw new Error('A task needs a title.');
  return writeRecord(db, 'tasks', crypto.randomUUID(), { personId, title: t, due, done: false }, { create: true });
}

export async function updateTask(db: ClydeDB, id: string, fields: Partial<Pick<Task, 'title' | 'due' | 'assignee'>>) {
  if (fields.title !== undefined && !fields.title.trim()) throw new Error('A task needs a title.');
  return writeRecord(db, 'tasks', id, fields);
}

export function setTaskDone(db: ClydeDB, id: string, done: boolean) {
  return writeRecord(db, 'tasks', id, { done });
}

export function deleteTask(db: ClydeDB, id: string) {
  return deleteRecord(db, 'tasks', id);
}

/** Open tasks, soonest due first; undated ones after dated ones, oldest first. */
export async function openTasksFor(db: ClydeDB, personId: string): Promise<Task[]> {
  const rows = await db.tasks.where('personId').equals(personId).toArray();
  return rows.filter((t) => !t.deleted && !t.done).sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.updatedAt - b.updatedAt);
}
