import type { Note, Task } from '../storage/schema';
import { formatNumber, t } from '../i18n';
import { noteKindName, tagName } from '../names';
import { DAY, dayOf, type LifeEvent } from '../storage/summaries/summary';
import { isRecentComplaint, nearestAnniversary, relativeDay } from './coming-up';
import { shorten } from './quote';

/**
 * The brief: at most three lines of what is worth knowing about someone right now, before
 * talking to them. Pure, so every wording and every date edge is pinned by a table
 * (brief.test.ts); the panel reads the records and the clock, this decides what to say.
 */

/** A life event this many days either side of today is worth a word: the trip next week, the exam last Friday. */
const EVENT_DAYS = 14;
/** A life event noted this recently is worth a word even when it is further off: the move in June, the application. */
const NOTED_DAYS = 14;
const WORDS = 70;

export interface BriefInput {
  /** The person's newest live note: their last interaction. */
  last?: Note;
  /** Open tasks (promises), soonest due first and undated last, as `openTasksFor` sorts them. */
  tasks: readonly Task[];
  /** The summary's life events, each with when its note was written where that note was read. */
  events: readonly (LifeEvent & { notedAt?: number })[];
}

export type BriefLine =
  | { kind: 'last'; noteId: string; what: string; when: string; words?: string }
  | { kind: 'promise'; taskId: string; words: string; when?: string; overdue: boolean; more: number }
  | { kind: 'personal'; noteId: string; words: string; when: string };

export function brief({ last, tasks, events }: BriefInput, now: Date): BriefLine[] {
  const lines: BriefLine[] = [];
  const personal = personalLine(events, now);
  if (last) {
    // Said once only: a recent complaint has its own list at the top, a life event its own line.
    const elsewhere = isRecentComplaint(last, now) || last.id === personal?.noteId;
    lines.push({
      kind: 'last',
      noteId: last.id,
      what: whatOf(last),
      when: ago(last.occurredAt, now),
      ...(!elsewhere && { words: gist(last) }),
    });
  }
  const [task, ...more] = tasks;
  if (task) {
    const due = task.due == null ? undefined : dueWords(task.due, now);
    const words = shorten(oneLine(task.title), WORDS);
    lines.push({
      kind: 'promise',
      taskId: task.id,
      words,
      ...(due && { when: due.when }),
      overdue: due?.overdue ?? false,
      more: more.length,
    });
  }
  if (personal) lines.push(personal);
  return lines;
}

/**
 * The life event nearest today within EVENT_DAYS (a tie goes to the one ahead: there is still
 * time to wish luck), else the one noted most recently within NOTED_DAYS.
 */
function personalLine(events: BriefInput['events'], now: Date): Extract<BriefLine, { kind: 'personal' }> | undefined {
  const today = dayOf(now.getTime());
  const near = events
    .map((e) => {
      const day = e.yearly ? nearestAnniversary(dateDay(e.eventAt), now.getFullYear(), today) : dateDay(e.eventAt);
      return { e, day, diff: daysBetween(today, day) };
    })
    .filter(({ diff }) => Math.abs(diff) <= EVENT_DAYS)
    .sort((a, b) => Math.abs(a.diff) - Math.abs(b.diff) || b.diff - a.diff)[0];
  if (near)
    return { kind: 'personal', noteId: near.e.noteId, words: shorten(oneLine(near.e.excerpt), WORDS), when: relativeDay(near.day, now) };
  const noted = events
    .filter((e) => e.notedAt !== undefined && daysBetween(dayOf(e.notedAt), today) <= NOTED_DAYS)
    .sort((a, b) => b.notedAt! - a.notedAt!)[0];
  return (
    noted && {
      kind: 'personal',
      noteId: noted.noteId,
      words: shorten(oneLine(noted.excerpt), WORDS),
      when: t('brief.noted', { when: ago(noted.notedAt!, now) }),
    }
  );
}

/** "call", "email"; a tagged plain note by its tag ("complaint", "life event"). */
const whatOf = (n: Note) => (n.kind === 'note' && n.tag ? tagName(n.tag) : n.kind === 'clip' ? t('brief.clipped') : noteKindName(n.kind));

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What a note was about, in its own first words. A logged email reads "Email: <subject>", then
 * "With: …", then any passage the user quoted as "> …" (email-log.ts): the passage says more.
 */
function gist(n: Note): string {
  const lines = n.body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const passage = n.kind === 'email' ? lines.find((l) => l.startsWith('>'))?.replace(/^>\s*/, '') : undefined;
  const first = n.kind === 'email' ? lines[0]?.replace(/^Email:\s*/, '') : lines[0];
  return shorten(oneLine(passage || first || ''), WORDS);
}

/**
 * The day a date-only value (a due day, an event day) names. They are stored as the local
 * midnight where they were typed; a teammate, or the user on a trip, in another time zone reads
 * that moment as the evening before or the morning of, so the nearest local midnight is taken
 * rather than the one before. Right within 12 hours of the zone it was typed in, and always in it.
 */
const dateDay = (at: number) => dayOf(at + DAY / 2);
/** Whole days from one local midnight to another (a day with a clock change is 23 or 25 hours). */
const daysBetween = (from: number, to: number) => Math.round((to - from) / DAY);

/** "today", "12 days ago", "3 months ago", "over a year ago". */
export function ago(at: number, now: Date): string {
  const day = dayOf(at);
  const diff = daysBetween(day, dayOf(now.getTime()));
  if (diff <= 45) return relativeDay(day, now);
  if (diff < 365) return months.format(-Math.round(diff / 30.4), 'month');
  const years = Math.floor(diff / 365);
  return t('brief.overYears', years, [formatNumber(years)]);
}

const months = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * A day's name in the browser's language. The formatter is made per call: one keeps the time zone
 * it was made in, and the user (or a test) may have moved since.
 */
const dayName = (d: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, options).format(d);

/** "due Friday" within the week, "due Mar 4" later, "was due 3 days ago" when overdue. */
export function dueWords(due: number, now: Date): { when: string; overdue: boolean } {
  const day = dateDay(due);
  const diff = daysBetween(dayOf(now.getTime()), day);
  if (diff < 0)
    return { when: diff === -1 ? t('brief.due.yesterday') : t('brief.due.daysAgo', -diff, [formatNumber(-diff)]), overdue: true };
  const d = new Date(day);
  if (diff === 0) return { when: t('brief.due.today'), overdue: false };
  if (diff === 1) return { when: t('brief.due.tomorrow'), overdue: false };
  if (diff < 7) return { when: t('brief.due.on', { day: dayName(d, { weekday: 'long' }) }), overdue: false };
  const sameYear = d.getFullYear() === now.getFullYear();
  return {
    when: t('brief.due.on', { day: dayName(d, { month: 'short', day: 'numeric', ...(!sameYear && { year: 'numeric' }) }) }),
    overdue: false,
  };
}
