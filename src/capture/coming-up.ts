import type { Note } from '../storage/schema';

export const COMING_UP_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Life events within a week either side of today, soonest first: the trip next Tuesday to wish
 * well for, the exam last Friday to ask about. Days compare as local midnights.
 */
export function comingUp(notes: Note[], now: Date): Note[] {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return notes
    .filter((n) => !n.deleted && n.tag === 'life-event' && n.eventAt !== undefined && Math.abs(n.eventAt - today) <= COMING_UP_DAYS * DAY + DAY / 24)
    .sort((a, b) => a.eventAt! - b.eventAt!);
}

/** "today", "in 3 days", "2 days ago". */
export function relativeDay(day: number, now: Date): string {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const diff = Math.round((day - today) / DAY);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}
