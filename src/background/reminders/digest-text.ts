import { ago, dateText } from '../../home/reasons';
import { DAY, dayOf } from '../../storage/summaries/summary';
import { formatNumber, t } from '../../i18n';

/**
 * The words of each reminder. Pure: the background gathers the people, tasks and facts
 * (gather.ts) and this turns them into a title and a few lines, so every wording can be pinned in
 * a test. A notification is read at a glance, often on a lock screen: the title says what the day
 * holds, each line names a person, what is due and the one thing worth remembering about them.
 */

/** What to bring up about a person: their pinned (else newest) fact, else their newest note. */
export type Context = { kind: 'fact'; key: string; value: string } | { kind: 'note'; excerpt: string; at: number };

export interface Who {
  personId: string;
  name: string;
  context?: Context;
}

export interface DueTask {
  title: string;
  /** Local midnight of the due day. */
  due: number;
  dueTime?: number | null;
}

export interface DigestInput {
  /** People with open tasks due today or before, each with those tasks, oldest due first. */
  tasks: { who: Who; tasks: DueTask[] }[];
  /** Life events in the coming week, soonest first. */
  events: { who: Who; excerpt: string; day: number }[];
}

export interface NotificationText {
  title: string;
  message: string;
  /** The one person it is about, whom a click opens; absent when it is about several (Home). */
  personId?: string;
}

/** People named in the message; the rest are on Home. */
export const MAX_PEOPLE = 3;
/** The coming week: "Friday" is unambiguous within it (reasons.ts dateText). */
export const DIGEST_EVENT_DAYS = 7;

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const pad = (n: number) => String(n).padStart(2, '0');
/** 15:00: the day is always said elsewhere, so a time alone is enough. */
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function contextText(c: Context, now: Date): string {
  if (c.kind === 'fact') return t('digest.remember', { fact: short(c.key ? `${c.key}: ${c.value}` : c.value) });
  return t('digest.lastNote', { when: ago(c.at, now), excerpt: short(c.excerpt) });
}

/** "Bruno's birthday Friday" (or "birthday Friday" on a line that names him); other events are quoted. */
function eventPhrase(e: DigestInput['events'][number], now: Date, named = true): string {
  const when = dateText(e.day, now);
  const kind = /\b(?:birthday|b-?day)\b/i.test(e.excerpt) ? 'birthday' : /\banniversary\b/i.test(e.excerpt) ? 'anniversary' : undefined;
  const what =
    kind === 'birthday'
      ? t('digest.birthday', { when })
      : kind === 'anniversary'
        ? t('digest.anniversary', { when })
        : t('digest.event', { excerpt: short(e.excerpt, 40), when });
  if (!named) return what;
  return kind ? t('digest.whose', { name: firstName(e.who.name), what }) : `${firstName(e.who.name)}: ${what}`;
}

/** "Send the quote at 15:00", "Send the quote, due yesterday", and how many more. */
function taskPhrase(tasks: DueTask[], now: Date): string {
  const [first, ...rest] = tasks;
  if (!first) return '';
  const today = dayOf(now.getTime());
  const when =
    first.due < today
      ? t('digest.dueOn', { when: dateText(first.due, now) })
      : first.dueTime != null
        ? t('digest.at', { time: clock(first.dueTime) })
        : '';
  const more = rest.length ? ` ${t('brief.more', rest.length, [formatNumber(rest.length)])}` : '';
  return `${short(first.title)}${when}${more}`;
}

/** The daily digest, or nothing when the day holds nothing. */
export function digestText(input: DigestInput, now: Date): NotificationText | undefined {
  const events = input.events.filter((e) => e.day - dayOf(now.getTime()) < DIGEST_EVENT_DAYS * DAY);
  const tasks = input.tasks.filter((t) => t.tasks.length);
  if (!tasks.length && !events.length) return undefined;

  const today = dayOf(now.getTime());
  const all = tasks.flatMap((t) => t.tasks);
  const overdue = all.filter((t) => t.due < today).length;
  const title = [
    all.length > overdue ? t('digest.today', all.length - overdue, [formatNumber(all.length - overdue)]) : undefined,
    overdue ? t('digest.overdue', { n: formatNumber(overdue) }) : undefined,
    events[0] && eventPhrase(events[0], now),
    events.length > 1 ? t('digest.moreComing', { n: formatNumber(events.length - 1) }) : undefined,
  ].filter(Boolean);

  const lines = new Map<string, { who: Who; what: string }>();
  for (const t of tasks) lines.set(t.who.personId, { who: t.who, what: taskPhrase(t.tasks, now) });
  for (const e of events) if (!lines.has(e.who.personId)) lines.set(e.who.personId, { who: e.who, what: eventPhrase(e, now, false) });
  const people = [...lines.values()];
  const message = people.slice(0, MAX_PEOPLE).map(({ who, what }) => {
    const context = who.context ? ` — ${contextText(who.context, now)}` : '';
    return `${who.name}: ${what}${context}`;
  });
  const more = people.length - MAX_PEOPLE;
  if (more > 0) message.push(t('digest.morePeople', more, [formatNumber(more)]));
  return { title: title.join(' · '), message: message.join('\n'), ...(people.length === 1 && { personId: people[0]!.who.personId }) };
}

/** The reminder at a task's due time: the task, whose it is, and what to remember about them. */
export function dueText(who: Who, task: DueTask & { dueTime: number }, now: Date): NotificationText {
  const context = who.context ? `\n${contextText(who.context, now)}` : '';
  return {
    title: short(task.title),
    message: `${who.name} · ${t('digest.dueAt', { time: clock(task.dueTime) })}${context}`,
    personId: who.personId,
  };
}
