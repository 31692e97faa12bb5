import type { Note } from '../storage/schema';

const COMING_UP_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Occasions that come back every year. A birthday noted once ("Ana's birthday 3 March") should
 * come up every March, not only in the year it was written down.
 */
const YEARLY = /\b(?:birthday|b-?day|anniversary|geburtstag|jahrestag|anniversaire|anivers[aá]rio|cumplea[nñ]os|compleanno|verjaardag)\b/i;

export interface ComingEvent {
  note: Note;
  /** The day it happens: the event's day, or this year's (or the nearest year's) for a yearly one. */
  day: number;
}

/**
 * Life events within a week either side of today, soonest first: the trip next Tuesday to wish
 * well for, the exam last Friday to ask about, the birthday on Thursday. Days compare as local
 * midnights.
 */
export function comingUp(notes: Note[], now: Date): ComingEvent[] {
  const today = dayOf(now.getTime());
  return notes
    .flatMap((note) => {
      if (note.deleted || note.tag !== 'life-event' || note.eventAt === undefined) return [];
      const day = YEARLY.test(note.body) ? nearestAnniversary(note.eventAt, now.getFullYear(), today) : note.eventAt;
      return Math.abs(day - today) <= COMING_UP_DAYS * DAY + DAY / 24 ? [{ note, day }] : [];
    })
    .sort((a, b) => a.day - b.day);
}

const RECENT_COMPLAINT_DAYS = 90;

/**
 * Complaints noted in the last 90 days, newest first: the late delivery to keep in mind before the
 * next call, shown at the top rather than left somewhere down the timeline.
 */
export function recentComplaints(notes: Note[], now: Date, max = 2): Note[] {
  const since = now.getTime() - RECENT_COMPLAINT_DAYS * DAY;
  return notes
    .filter((n) => !n.deleted && n.tag === 'complaint' && n.occurredAt >= since)
    .sort((a, b) => b.occurredAt - a.occurredAt)
    .slice(0, max);
}

/** The local midnight of the day `at` falls on, for `relativeDay`. */
export function dayOf(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The event's month and day in last, this or next year, whichever is nearest today (29 Feb falls on 1 March). */
function nearestAnniversary(eventAt: number, year: number, today: number): number {
  const event = new Date(eventAt);
  const days = [year - 1, year, year + 1].map((y) => new Date(y, event.getMonth(), event.getDate()).getTime());
  return days.reduce((best, d) => (Math.abs(d - today) < Math.abs(best - today) ? d : best));
}

/** "today", "in 3 days", "2 days ago". */
export function relativeDay(day: number, now: Date): string {
  const today = dayOf(now.getTime());
  const diff = Math.round((day - today) / DAY);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}
