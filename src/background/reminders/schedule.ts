/**
 * When reminders fire. Pure: every function takes the time and the user's settings and answers
 * in epoch milliseconds, so tests can pin any time zone and the days clocks change. Local days
 * and times are built from calendar dates (`new Date(y, m, d, h, min)`), never by adding 24 h or
 * minutes to a midnight: a day across a daylight-saving change lasts 23 or 25 hours.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day `at` falls on, as `2026-03-29`: what "the digest was shown today" is kept as. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The wall-clock time `minutes` after midnight on the local day of `at`, `days` later. A time the
 * clocks skip (02:30 on a spring-forward night) is the moment after the gap; one they pass twice
 * is the first.
 */
export function atLocalTime(at: number, minutes: number, days = 0): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, Math.floor(minutes / 60), minutes % 60).getTime();
}

/** The next local midnight after `at`. */
export const nextMidnight = (at: number) => atLocalTime(at, 0, 1);

/**
 * When the next digest is due. Today's, at the chosen time, while it has not been shown today;
 * if that time has passed (the browser was closed, the worker asleep, the digest just turned
 * on), now, so the day's digest still comes, once. Otherwise tomorrow's.
 */
export function nextDigestAt(now: number, digestAt: number, shownDay: string | undefined): number {
  const today = atLocalTime(now, digestAt);
  if (shownDay !== localDay(now)) return Math.max(today, now);
  return atLocalTime(now, digestAt, 1);
}

/** A task with a due moment (tasks.ts `dueAt`), as the due-time reminders see it. */
export interface Timed {
  taskId: string;
  at: number;
}

/**
 * The due times to remind of now: those after `doneUpTo` (handled before) and up to now. Only
 * today's: a browser opened after two days away shows the day's digest, not yesterday's alarms.
 */
export function dueNow<T extends Timed>(tasks: readonly T[], doneUpTo: number, now: number): T[] {
  const from = Math.max(doneUpTo, atLocalTime(now, 0));
  return tasks.filter((t) => t.at > from && t.at <= now).sort((a, b) => a.at - b.at);
}

/**
 * When to look at due times next: the earliest one still to come today (or now, for one missed
 * meanwhile), else the next midnight, when tomorrow's tasks become today's. `tasks` are the ones
 * due today or before; later ones are not known yet, hence the midnight look.
 */
export function nextDueCheck(tasks: readonly Timed[], doneUpTo: number, now: number): number {
  const from = Math.max(doneUpTo, atLocalTime(now, 0));
  const next = Math.min(...tasks.filter((t) => t.at > from).map((t) => t.at));
  return Number.isFinite(next) ? Math.max(next, now) : nextMidnight(now);
}

export const SNOOZE_MS = 60 * 60 * 1000;
