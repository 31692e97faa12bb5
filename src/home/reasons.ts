import { DAY, dayOf, PRAISE_DAYS, rhythmOf, type Evidence, type Summary } from '../storage/summaries/summary';

/**
 * Why someone is in a Home section, one sentence each, citing the note or task it comes from so
 * the user can open it. Explainable rules only: no score, and nothing guessed from text nobody
 * tagged. Time is passed in, so the same summary reads right on any day and in any time zone.
 */
type ReasonKind = 'complaint' | 'promise' | 'silence' | 'praise' | 'steady' | 'starred' | 'rhythm';

export interface Reason {
  kind: ReasonKind;
  sentence: string;
  /** The evidence to link to. */
  noteId?: string;
  taskId?: string;
}

export interface Viewer {
  /** This user's id: their own notes are "you", a teammate's shared one is "shared by …". */
  me: string | undefined;
  /** A teammate's name, when known. */
  nameOf?: (userId: string) => string | undefined;
}

export const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span of days the way people say it: days up to two weeks, weeks up to three months, then months. */
export function span(days: number): { n: number; unit: 'day' | 'week' | 'month' } {
  if (days < 14) return { n: Math.max(0, Math.round(days)), unit: 'day' };
  if (days < 91) return { n: Math.round(days / 7), unit: 'week' };
  return { n: Math.round(days / 30.44), unit: 'month' };
}
const spanText = (days: number) => {
  const { n, unit } = span(days);
  return plural(n, unit);
};

/** Whole calendar days from `at` to `now` (local), so "yesterday" is yesterday even at 00:05. */
const daysSince = (at: number, now: Date) => Math.round((dayOf(now.getTime()) - dayOf(at)) / DAY);

export function ago(at: number, now: Date): string {
  const days = daysSince(at, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${spanText(days)} ago`;
}

const quoted = (text: string) => `‘${text}’`;

function byWhom(e: Evidence, viewer: Viewer): string {
  if (!e.shared || e.ownerId === viewer.me) return '';
  return ` (shared by ${viewer.nameOf?.(e.ownerId) ?? 'a teammate'})`;
}

/** "every 3 weeks", "usually every 3" when the unit was just said. */
function rhythmPhrase(days: number, sameUnitAs?: string): string {
  const { n, unit } = span(days);
  return unit === sameUnitAs ? `${n}` : plural(n, unit);
}

/** How overdue the silence is, and against which rhythm (chosen, or learned and said so). */
function silence(s: Summary, now: Date): string {
  const rhythm = rhythmOf(s)!;
  const quiet = daysSince(s.lastAt!, now);
  const said = span(quiet);
  const usual = rhythmPhrase(rhythm, said.unit);
  const learned = s.rhythmDays === undefined ? ' (learned from your history)' : '';
  return `No contact for ${plural(said.n, said.unit)}; usually every ${usual}${learned}`;
}

/** Why they are at risk: an open complaint, an overdue promise, silence twice past the rhythm. */
export function riskReasons(s: Summary, now: Date, viewer: Viewer): Reason[] {
  const reasons: Reason[] = [];
  const t = now.getTime();
  if (s.complaint && s.complaint.at <= t) {
    const c = s.complaint;
    reasons.push({
      kind: 'complaint',
      sentence: `Complained ${ago(c.at, now)}: ${quoted(c.excerpt)}; nothing since${byWhom(c, viewer)}`,
      noteId: c.noteId,
    });
  }
  const task = s.nextTask;
  if (task && task.due < dayOf(t)) {
    const late = daysSince(task.due, now);
    reasons.push({
      kind: 'promise',
      sentence: `Promised ${quoted(task.title)} by ${dateText(task.due, now)}; ${plural(late, 'day')} overdue`,
      taskId: task.taskId,
    });
  }
  if (s.silentAt !== undefined && s.silentAt <= t) reasons.push({ kind: 'silence', sentence: silence(s, now) });
  return reasons;
}

/** Why they are due a word: past their rhythm. */
export function reachOutReason(s: Summary, now: Date): Reason | undefined {
  if (s.reachOutAt === undefined || s.reachOutAt > now.getTime() || s.lastAt === undefined) return undefined;
  const rhythm = rhythmOf(s)!;
  const how =
    s.rhythmDays === undefined
      ? `usually every ${rhythmPhrase(rhythm)}, learned from your history`
      : `you chose every ${rhythmPhrase(rhythm)}`;
  return { kind: 'rhythm', sentence: `Last contact ${ago(s.lastAt, now)}; ${how}` };
}

const STEADY_PERIODS = 3;
const PERIOD_DAYS = 30;

/** In touch in each of the last three 30-day periods. */
function steady(s: Summary, now: Date): number | undefined {
  const t = dayOf(now.getTime());
  const inWindow = s.recent.filter((d) => d > t - STEADY_PERIODS * PERIOD_DAYS * DAY && d <= t);
  const periods = new Set(inWindow.map((d) => Math.floor((t - d) / (PERIOD_DAYS * DAY))));
  return periods.size === STEADY_PERIODS ? inWindow.length : undefined;
}

/** Why they are among the best: praise, steady contact over 90 days, a star. */
export function bestReasons(s: Summary, now: Date, viewer: Viewer): Reason[] {
  const reasons: Reason[] = [];
  if (s.starred) reasons.push({ kind: 'starred', sentence: 'You starred them as a key relationship' });
  const p = s.praise;
  if (p && p.at <= now.getTime() && now.getTime() - p.at <= PRAISE_DAYS * DAY) {
    reasons.push({ kind: 'praise', sentence: `Praised ${ago(p.at, now)}: ${quoted(p.excerpt)}${byWhom(p, viewer)}`, noteId: p.noteId });
  }
  const contacts = steady(s, now);
  if (contacts !== undefined)
    reasons.push({ kind: 'steady', sentence: `In touch every month for the last 3 months (${plural(contacts, 'day')} of contact)` });
  return reasons;
}

/** "Friday" within the coming week, "3 Dec" otherwise (the year too when it is not this one). */
export function dateText(day: number, now: Date): string {
  const d = new Date(day);
  const diff = Math.round((dayOf(day) - dayOf(now.getTime())) / DAY);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  if (diff > 1 && diff < 7) return d.toLocaleDateString('en-GB', { weekday: 'long' });
  const sameYear = d.getFullYear() === now.getFullYear();
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
