import type { ClydeDB } from '../storage/db';
import { addNote } from '../storage/records/notes';
import { setTaskDone } from '../storage/records/tasks';
import { writeTables } from '../storage/records/write';
import type { Note } from '../storage/schema';
import type { Reason } from './reasons';

/**
 * Dealing with a reason from Home writes what the user did on the person's timeline, in their
 * words. The note is what takes the reason away: a complaint is open only while nothing was noted
 * after it, and silence ends with the note, which is the contact. An overdue promise is kept by
 * ticking its task too, in the same transaction, so the timeline never says "done" about a task
 * still open. `how` may be empty: "Resolved" alone still records that it was dealt with.
 */
export async function resolveReason(db: ClydeDB, personId: string, reason: Reason, how: string, now = new Date()): Promise<Note> {
  return db.transaction('rw', writeTables(db, db.notes, db.tasks), async () => {
    if (reason.kind === 'promise' && reason.taskId) {
      const task = await db.tasks.get(reason.taskId);
      await setTaskDone(db, reason.taskId, true);
      return addNote(db, personId, { body: said(`Kept the promise ‘${task?.title ?? ''}’`, how), occurredAt: now.getTime() });
    }
    return addNote(db, personId, { body: said(reason.kind === 'silence' ? 'Reached out' : 'Resolved', how), occurredAt: now.getTime() });
  });
}

/** "Reached out" from Home: the note is the contact, so their rhythm starts again from today. */
export function reachedOut(db: ClydeDB, personId: string, how: string, now = new Date()): Promise<Note> {
  return addNote(db, personId, { body: said('Reached out', how), occurredAt: now.getTime() });
}

const said = (what: string, how: string) => (how.trim() ? `${what}: ${how.trim()}` : what);
