import type { Note } from '../storage/schema';
import { DAY, dayOf } from '../storage/summaries/summary';

const RECENT_COMPLAINT_DAYS = 90;

/**
 * Complaints noted in the last 90 days, newest first: the late delivery to keep in mind before the
 * next call, shown at the top rather than left somewhere down the timeline.
 */
export function recentComplaints(notes: Note[], now: Date, max = 2): Note[] {
  return notes
    .filter((n) => isRecentComplaint(n, now))
    .sort((a, b) => b.occurredAt - a.occurredAt)
    .slice(0, max);
}

/** A complaint the panel keeps in view at the top (the brief leaves its words to that list). */
export const isRecentComplaint = (n: Note, now: Date) =>
  !n.deleted && n.tag === 'complaint' && n.occurredAt >= now.getTime() - RECENT_COMPLAINT_DAYS * DAY;

/**
 * A yearly event's day (a birthday noted once comes up every year): its month and day in last,
 * this or next year, whichever is nearest today (29 Feb falls on 1 March).
 */
export function nearestAnniversary(eventAt: number, year: number, today: number): number {
  const event = new Date(eventAt);
  const days = [year - 1, year, year + 1].map((y) => new Date(y, event.getMonth(), event.getDate()).getTime());
  return days.reduce((best, d) => (Math.abs(d - today) < Math.abs(best - today) ? d : best));
}

/** "today", "in 3 days", "2 days ago". */
export function relativeDay(day: number, now: Date): string {
  const today = dayOf(now.getTime());
  const diff = Math.round((day - today) / DAY);
  return days.format(diff, 'day');
}

/** "today", "tomorrow", "in 3 days", "vorgestern": the browser's language says it. */
const days = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
