import type { Note, Person, Task } from '../schema';
import type { PersonalRow } from './personal';

export const DAY = 24 * 60 * 60 * 1000;
/** Praise counts towards "best customers" this long after it was noted. */
export const PRAISE_DAYS = 180;
/** Silence is a risk once it lasts twice the usual gap; once past the gap it is only "reach out". */
const SILENCE_FACTOR = 2;
/** Interaction days kept per person: enough to learn a rhythm and to see steady contact. */
const RECENT_KEPT = 12;
/** A learned rhythm needs this many interactions (two gaps). */
const LEARN_FROM = 3;
const EXCERPT = 120;
export const TEAM_KEPT = 3;
/** Far enough in the future that a starred person stays among the best (an index key must be a number). */
const FOREVER = 8.64e15;

/** A note the summary points at, so a sentence can quote and link it. */
export interface Evidence {
  noteId: string;
  at: number;
  excerpt: string;
  /** Who wrote it, and whether it is shared: a teammate's shared complaint is said to be theirs. */
  ownerId: string;
  shared: boolean;
}

export interface LifeEvent {
  noteId: string;
  eventAt: number;
  yearly: boolean;
  excerpt: string;
}

/**
 * What Home needs to know about one person, kept by the write path (upkeep.ts) in the same
 * transaction as the record that changes it, so Home reads one small row per person and never
 * scans notes. Only facts live here; what they mean today (overdue? steady?) is decided when read,
 * against the clock (src/home/). The `…At`/`…Until` fields are indexed moments: the earliest a
 * person can belong to a section, so each section is one index range read.
 */
export interface Summary {
  personId: string;
  /** Last interaction: any note (logged email, call, quote, clip…) or an email thread the user opened. */
  lastAt?: number;
  /** Distinct interaction days (local midnight), newest first, at most 12. */
  recent: number[];
  /** The usual gap in days learned from `recent`, once there are three interactions. */
  learnedGapDays?: number;
  /** The user's keep-in-touch rhythm in days; 0 is "none" (never remind). Unset: use the learned gap. */
  rhythmDays?: number;
  /** The earliest open task, and its due day (local midnight). */
  nextTask?: { taskId: string; title: string; due: number };
  nextDue?: number;
  /** The newest complaint, if no note or log came after it. */
  complaint?: Evidence;
  /** The newest compliment. */
  praise?: Evidence;
  starred: boolean;
  /** Life events with a date, for "Coming up". */
  events: LifeEvent[];
  /** `y:MM-DD` for a yearly event, `d:YYYY-MM-DD` for one that happens once (local dates). */
  eventKeys: string[];
  /** The newest shared notes, for "Team this week" (whose they are is decided when read). */
  team: Evidence[];
  teamAt?: number;
  /** When they are due for contact: last interaction plus the rhythm. */
  reachOutAt?: number;
  /** When silence becomes a risk: last interaction plus twice the rhythm. */
  silentAt?: number;
  /** When they first are at risk: a complaint, a promise overdue, or silence twice past the rhythm. */
  riskAt?: number;
  /** Until when they can count among the best customers (praise, steady contact, a star). */
  bestUntil?: number;
}

/** Birthdays and anniversaries come back every year; a trip or an exam happens once. */
const YEARLY = /\b(?:birthday|b-?day|anniversary|geburtstag|jahrestag|anniversaire|anivers[aá]rio|cumplea[nñ]os|compleanno|verjaardag)\b/i;
const isYearly = (body: string) => YEARLY.test(body);

/** The local midnight of the day `at` falls on. */
export function dayOf(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');
export const yearlyKey = (d: Date) => `y:${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const dayKey = (d: Date) => `d:${isoDate(d)}`;
/** A stored day (its local midnight) as `2026-12-10`, as a date input and a spreadsheet take it; '' for none. */
export const isoDay = (at: number | null | undefined) => (at == null ? '' : isoDate(new Date(at)));

export const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1).trimEnd()}…` : body);
/**
 * What a summary reads of a person, a note and a task: all a rebuild from memory keeps of them
 * (pages-seen.ts), so typed, and the compiler keeps `summarize` to it.
 */
export type PersonFacts = Pick<Person, 'id' | 'deleted'>;
export type NoteFacts = Pick<Note, 'id' | 'personId' | 'occurredAt' | 'tag' | 'scope' | 'ownerId' | 'deleted' | 'eventAt' | 'body'>;
export type TaskFacts = Pick<Task, 'id' | 'personId' | 'deleted' | 'done' | 'due' | 'title'>;

/**
 * A note's facts, with a body cut to what a summary quotes, except where a life event's body is
 * read whole (yearly or not). `excerpt` of an excerpt is the excerpt.
 */
export const noteFacts = (n: NoteFacts): NoteFacts => ({
  id: n.id,
  personId: n.personId,
  occurredAt: n.occurredAt,
  tag: n.tag,
  scope: n.scope,
  ownerId: n.ownerId,
  deleted: n.deleted,
  eventAt: n.eventAt,
  body: n.tag === 'life-event' ? n.body : excerpt(n.body),
});
export const taskFacts = (t: TaskFacts): TaskFacts => ({
  id: t.id,
  personId: t.personId,
  deleted: t.deleted,
  done: t.done,
  due: t.due,
  title: excerpt(t.title),
});
export const personFacts = (p: PersonFacts): PersonFacts => ({ id: p.id, deleted: p.deleted });

export const evidence = (n: NoteFacts): Evidence => ({
  noteId: n.id,
  at: n.occurredAt,
  excerpt: excerpt(n.body),
  ownerId: n.ownerId,
  shared: n.scope === 'team',
});

/**
 * The usual gap between interactions, in whole days: the median of the gaps between the distinct
 * days in `recent` (newest first). A median, so one holiday or one busy week does not move it.
 */
export function learnedGap(recent: number[]): number | undefined {
  if (recent.length < LEARN_FROM) return undefined;
  const gaps = recent
    .slice(1)
    .map((d, i) => Math.round((recent[i]! - d) / DAY))
    .sort((a, b) => a - b);
  const mid = gaps.length / 2;
  const median = gaps.length % 2 ? gaps[Math.floor(mid)]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return Math.max(1, Math.round(median));
}

/** The distinct days of these moments, newest first, as many as a summary keeps. */
export const recentDays = (moments: number[]) => [...new Set(moments.map(dayOf))].sort((a, b) => b - a).slice(0, RECENT_KEPT);

/** The rhythm that counts: the user's, else the learned one; none when the user chose none. */
export const rhythmOf = (s: Pick<Summary, 'rhythmDays' | 'learnedGapDays'>) => (s.rhythmDays ?? s.learnedGapDays) || undefined;

/**
 * One person's summary from their records, or none for someone deleted or merged away. Pure: the
 * write path and the from-scratch rebuild call the same function, which is what the property test
 * checks. `notes` and `tasks` are the person's, deleted ones included (they are skipped here).
 */
export function summarize(
  person: PersonFacts | undefined,
  notes: readonly NoteFacts[],
  tasks: readonly TaskFacts[],
  personal: PersonalRow | undefined,
): Summary | undefined {
  if (!person || person.deleted) return undefined;
  const live = notes.filter((n) => !n.deleted).sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : 1));
  const s: Summary = { personId: person.id, recent: [], starred: !!personal?.starred, events: [], eventKeys: [], team: [] };

  const moments = live.map((n) => n.occurredAt);
  if (personal?.openedAt !== undefined) moments.push(personal.openedAt);
  if (moments.length) s.lastAt = Math.max(...moments);
  s.recent = recentDays(moments);
  if (personal?.rhythmDays !== undefined) s.rhythmDays = personal.rhythmDays;

  const open = tasks.filter((t) => !t.deleted && !t.done && typeof t.due === 'number');
  const next = open.sort((a, b) => a.due! - b.due! || (a.id < b.id ? -1 : 1))[0];
  if (next) s.nextTask = { taskId: next.id, title: excerpt(next.title), due: next.due! };
  s.nextDue = next?.due ?? undefined;

  // Open while nothing was noted or logged after it: the next note is how it was dealt with.
  const newest = live[0];
  if (newest?.tag === 'complaint') s.complaint = evidence(newest);
  const praise = live.find((n) => n.tag === 'compliment');
  if (praise) s.praise = evidence(praise);

  for (const n of live) {
    const event = lifeEvent(n);
    if (!event) continue;
    s.events.push(event);
    s.eventKeys.push(eventKey(event));
  }
  s.eventKeys = [...new Set(s.eventKeys)];
  s.team = live
    .filter((n) => n.scope === 'team')
    .slice(0, TEAM_KEPT)
    .map(evidence);
  s.teamAt = s.team[0]?.at;
  return withMoments(s);
}

/** A dated life event, from a note tagged so. */
export function lifeEvent(n: NoteFacts): LifeEvent | undefined {
  if (n.tag !== 'life-event' || n.eventAt === undefined) return undefined;
  return { noteId: n.id, eventAt: n.eventAt, yearly: isYearly(n.body), excerpt: excerpt(n.body) };
}
export const eventKey = (e: LifeEvent) => (e.yearly ? yearlyKey : dayKey)(new Date(e.eventAt));

/**
 * What follows from the facts (`recent`, the rhythm, the complaint, the next due task, the praise,
 * the star): the learned gap and the indexed moments. Set afresh, so a summary changed in place
 * (fold.ts) loses the moments that no longer hold.
 */
export function withMoments(s: Summary): Summary {
  delete s.reachOutAt;
  delete s.silentAt;
  delete s.riskAt;
  delete s.bestUntil;
  s.learnedGapDays = learnedGap(s.recent);
  const rhythm = rhythmOf(s);
  if (rhythm && s.lastAt !== undefined) {
    s.reachOutAt = s.lastAt + rhythm * DAY;
    s.silentAt = s.lastAt + SILENCE_FACTOR * rhythm * DAY;
  }
  const risks = [s.complaint?.at, s.nextDue === undefined ? undefined : s.nextDue + DAY, s.silentAt].filter((x) => x !== undefined);
  if (risks.length) s.riskAt = Math.min(...risks);
  // Steady contact needs an interaction in the last 30 days; past that it cannot hold.
  const best = [s.starred ? FOREVER : undefined, s.praise ? s.praise.at + PRAISE_DAYS * DAY : undefined];
  if (s.recent.length >= 3) best.push(s.recent[0]! + 30 * DAY);
  const bestUntil = best.filter((x) => x !== undefined);
  if (bestUntil.length) s.bestUntil = Math.max(...bestUntil);
  return s;
}
