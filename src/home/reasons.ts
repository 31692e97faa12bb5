import { formatNumber, t } from '../i18n';
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

/** "1 day", "3 weeks", "2 Monate": a count of a unit in the browser's language. */
export function plural(n: number, unit: 'day' | 'week' | 'month'): string {
  const c: [string] = [formatNumber(n)];
  if (unit === 'day') return t('units.days', n, c);
  return unit === 'week' ? t('units.weeks', n, c) : t('units.months', n, c);
}

/** A span of days the way people say it: days up to two weeks, weeks up to three months, then months. */
export function span(days: number): { n: number; unit: 'day' | 'week' | 'month' } {
  if (days < 14) return { n: Math.max(0, Math.round(days)), unit: 'day' };
  if (days < 91) return { n: Math.round(days / 7), unit: 'week' };
  return { n: Math.round(days / 30.44), unit: 'month' };
}

/** Whole calendar days from `at` to `now` (local), so "yesterday" is yesterday even at 00:05. */
const daysSince = (at: number, now: Date) => Math.round((dayOf(now.getTime()) - dayOf(at)) / DAY);

export function ago(at: number, now: Date): string {
  const days = daysSince(at, now);
  if (days <= 1) return relative.format(-Math.max(0, days), 'day');
  const { n, unit } = span(days);
  return relative.format(-n, unit);
}

const quoted = (text: string) => t('reasons.quoted', { text });

/** "today", "yesterday", "tomorrow" in the browser's language. */
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function byWhom(e: Evidence, viewer: Viewer): string {
  if (!e.shared || e.ownerId === viewer.me) return '';
  return ` ${t('reasons.sharedBy', { name: viewer.nameOf?.(e.ownerId) ?? t('reasons.aTeammate') })}`;
}

/** "every 3 weeks", "usually every 3" when the unit was just said. */
function rhythmPhrase(days: number, sameUnitAs?: string): string {
  const { n, unit } = span(days);
  return unit === sameUnitAs ? formatNumber(n) : plural(n, unit);
}

/** How overdue the silence is, and against which rhythm (chosen, or learned and said so). */
function silence(s: Summary, now: Date): string {
  const rhythm = rhythmOf(s)!;
  const quiet = daysSince(s.lastAt!, now);
  const said = span(quiet);
  const usual = rhythmPhrase(rhythm, said.unit);
  const sentence = t('reasons.silence', { quiet: plural(said.n, said.unit), usual });
  return s.rhythmDays === undefined ? `${sentence} ${t('reasons.learned')}` : sentence;
}

/** Why they are at risk: an open complaint, an overdue promise, silence twice past the rhythm. */
export function riskReasons(s: Summary, now: Date, viewer: Viewer): Reason[] {
  const reasons: Reason[] = [];
  const at = now.getTime();
  if (s.complaint && s.complaint.at <= at) {
    const c = s.complaint;
    reasons.push({
      kind: 'complaint',
      sentence: t('reasons.complaint', { when: ago(c.at, now), what: quoted(c.excerpt) }) + byWhom(c, viewer),
      noteId: c.noteId,
    });
  }
  const task = s.nextTask;
  if (task && task.due < dayOf(at)) {
    const late = daysSince(task.due, now);
    reasons.push({
      kind: 'promise',
      sentence: t('reasons.promise', { what: quoted(task.title), when: dateText(task.due, now), late: plural(late, 'day') }),
      taskId: task.taskId,
    });
  }
  if (s.silentAt !== undefined && s.silentAt <= at) reasons.push({ kind: 'silence', sentence: silence(s, now) });
  return reasons;
}

/** Why they are due a word: past their rhythm. */
export function reachOutReason(s: Summary, now: Date): Reason | undefined {
  if (s.reachOutAt === undefined || s.reachOutAt > now.getTime() || s.lastAt === undefined) return undefined;
  const rhythm = rhythmOf(s)!;
  const how =
    s.rhythmDays === undefined
      ? t('reasons.rhythmLearned', { every: rhythmPhrase(rhythm) })
      : t('reasons.rhythmChosen', { every: rhythmPhrase(rhythm) });
  return { kind: 'rhythm', sentence: t('reasons.lastContact', { when: ago(s.lastAt, now), how }) };
}

const STEADY_PERIODS = 3;
const PERIOD_DAYS = 30;

/** In touch in each of the last three 30-day periods. */
function steady(s: Summary, now: Date): number | undefined {
  const today = dayOf(now.getTime());
  const inWindow = s.recent.filter((d) => d > today - STEADY_PERIODS * PERIOD_DAYS * DAY && d <= today);
  const periods = new Set(inWindow.map((d) => Math.floor((today - d) / (PERIOD_DAYS * DAY))));
  return periods.size === STEADY_PERIODS ? inWindow.length : undefined;
}

/** Why they are among the best: praise, steady contact over 90 days, a star. */
export function bestReasons(s: Summary, now: Date, viewer: Viewer): Reason[] {
  const reasons: Reason[] = [];
  if (s.starred) reasons.push({ kind: 'starred', sentence: t('reasons.starred') });
  const p = s.praise;
  if (p && p.at <= now.getTime() && now.getTime() - p.at <= PRAISE_DAYS * DAY) {
    reasons.push({
      kind: 'praise',
      sentence: t('reasons.praise', { when: ago(p.at, now), what: quoted(p.excerpt) }) + byWhom(p, viewer),
      noteId: p.noteId,
    });
  }
  const contacts = steady(s, now);
  if (contacts !== undefined) reasons.push({ kind: 'steady', sentence: t('reasons.steady', { days: plural(contacts, 'day') }) });
  return reasons;
}

/** "Friday" within the coming week, "3 Dec" otherwise (the year too when it is not this one). */
export function dateText(day: number, now: Date): string {
  const d = new Date(day);
  const diff = Math.round((dayOf(day) - dayOf(now.getTime())) / DAY);
  if (Math.abs(diff) <= 1) return relative.format(diff, 'day');
  if (diff > 1 && diff < 7) return d.toLocaleDateString(undefined, { weekday: 'long' });
  const sameYear = d.getFullYear() === now.getFullYear();
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}
