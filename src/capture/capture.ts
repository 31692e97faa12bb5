import type { ClydeDB } from '../storage/db';
import { addNote } from '../storage/records/notes';
import { addPreference } from '../storage/records/preferences';
import type { Note, Preference, Task } from '../storage/schema';
import { addTask } from '../storage/records/tasks';
import { writeTables } from '../storage/records/write';
import { planCapture, type CaptureInput, type CapturePlan } from './plan';

export type Captured =
  | { plan: Extract<CapturePlan, { to: 'note' }>; record: Note }
  | { plan: Extract<CapturePlan, { to: 'preference' }>; record: Preference }
  | { plan: Extract<CapturePlan, { to: 'task' }>; record: Task };

/**
 * Stores what the capture box holds for a person, through the storage mutators in one
 * transaction. Every check runs before the first write, so a bad entry writes nothing and the
 * caller keeps the text; a failed write rolls back whole.
 */
export async function capture(
  db: ClydeDB,
  personId: string,
  input: CaptureInput,
  now = new Date(),
  options: { dayFirst?: boolean } = {},
): Promise<Captured> {
  const plan = planCapture(input, now, options);
  return db.transaction('rw', writeTables(db, db.notes, db.preferences, db.tasks), async (): Promise<Captured> => {
    switch (plan.to) {
      case 'preference':
        return { plan, record: await addPreference(db, personId, plan.text) };
      case 'task':
        return { plan, record: await addTask(db, personId, plan.title, plan.date?.day, plan.date?.minutes) };
      case 'note':
        return {
          plan,
          record: await addNote(db, personId, {
            body: plan.body,
            tag: plan.tag,
            eventAt: plan.tag === 'life-event' ? plan.date?.day : undefined,
            occurredAt: now.getTime(),
          }),
        };
    }
  });
}
