import type { Note, Task } from '../schema';
import { eventKey, evidence, excerpt, lifeEvent, recentDays, TEAM_KEPT, withMoments, type Summary } from './summary';

/**
 * A new note folded into its person's summary without reading their other records: the common
 * write (a capture) then reads one summary instead of the person, all their notes and tasks and
 * their personal row. Only for a note later than every moment the summary counted (`lastAt`):
 * then it is the newest note, and what `summarize` would make of all the notes follows from the
 * old summary and this one note. Undefined otherwise, and the write path recomputes from scratch.
 * The property test in upkeep.test.ts compares every summary kept this way with one from scratch.
 */
export function foldNote(old: Summary, n: Note): Summary | undefined {
  if (n.deleted || (old.lastAt !== undefined && n.occurredAt <= old.lastAt)) return undefined;
  const s: Summary = { ...old, lastAt: n.occurredAt, recent: recentDays([n.occurredAt, ...old.recent]) };
  // The newest note decides whether a complaint is still open.
  if (n.tag === 'complaint') s.complaint = evidence(n);
  else delete s.complaint;
  if (n.tag === 'compliment') s.praise = evidence(n);
  const event = lifeEvent(n);
  if (event) {
    s.events = [event, ...old.events];
    s.eventKeys = [...new Set([eventKey(event), ...old.eventKeys])];
  }
  if (n.scope === 'team') {
    s.team = [evidence(n), ...old.team].slice(0, TEAM_KEPT);
    s.teamAt = n.occurredAt;
  }
  return withMoments(s);
}

/**
 * A new task folded into its person's summary: it only matters if it is open, dated and comes
 * before their next task (by due day, then id, as `summarize` orders them). The old summary
 * itself when nothing changes, so the write path can skip writing it.
 */
export function foldTask(old: Summary, t: Task): Summary {
  if (t.deleted || t.done || typeof t.due !== 'number') return old;
  const next = old.nextTask;
  if (next && (next.due < t.due || (next.due === t.due && next.taskId < t.id))) return old;
  return withMoments({ ...old, nextTask: { taskId: t.id, title: excerpt(t.title), due: t.due }, nextDue: t.due });
}
