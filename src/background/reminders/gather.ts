import { comingUp, today } from '../../home/sections';
import type { ClydeDB } from '../../storage/db';
import { timelineFor } from '../../storage/records/notes';
import { rememberFor } from '../../storage/records/preferences';
import { dueAt } from '../../storage/records/tasks';
import type { Person, Task } from '../../storage/schema';
import { DAY, dayOf } from '../../storage/summaries/summary';
import { DIGEST_EVENT_DAYS, MAX_PEOPLE, digestText, dueText, type Context, type NotificationText, type Who } from './digest-text';
import type { Timed } from './schedule';
import { t } from '../../i18n';

/**
 * What the reminders say, read from the database. Who is due and when comes from Home's own
 * sections (home/sections.ts), so a reminder never names anyone Home would not show: people on
 * the never-log list, deleted or merged away are left out there, once, for both.
 */

/** Their pinned (else newest) fact, else their newest note. */
async function contextOf(db: ClydeDB, personId: string): Promise<Context | undefined> {
  const [fact] = await rememberFor(db, personId);
  if (fact) return { kind: 'fact', key: fact.key, value: fact.value };
  const [note] = await timelineFor(db, personId);
  return note && { kind: 'note', excerpt: note.body, at: note.occurredAt };
}

/**
 * The person as a reminder names them: their name, else the address or handle they go by, and
 * what to remember. Only for the people a notification names (`named`): the rest are counted.
 */
async function whoOf(db: ClydeDB, person: Person, named: boolean): Promise<Who> {
  let name = person.name?.trim() ?? '';
  if (!named) return { personId: person.id, name };
  if (!name) {
    const ids = await db.identities.where('personId').equals(person.id).toArray();
    name = ids.find((i) => !i.deleted)?.display ?? t('reminders.noName');
  }
  const context = await contextOf(db, person.id);
  return { personId: person.id, name, ...(context && { context }) };
}

/**
 * The day's digest, or undefined when there is nothing to say. Every section entry, not Home's
 * first page of them: the title counts all the day's tasks. Once a day, so the read can be whole.
 */
export async function gatherDigest(db: ClydeDB, now: Date): Promise<NotificationText | undefined> {
  const [{ entries: due }, { entries: coming }] = await Promise.all([today(db, now, Infinity), comingUp(db, now, Infinity)]);
  const events = coming.filter((e) => e.day - dayOf(now.getTime()) < DIGEST_EVENT_DAYS * DAY);
  const people = new Map<string, Person>();
  for (const e of [...due, ...events]) if (!people.has(e.person.id)) people.set(e.person.id, e.person);
  // Only the people the message names get their context read; the rest are counted.
  const named = new Set([...people.keys()].slice(0, MAX_PEOPLE));
  const whos = new Map(await Promise.all([...people.values()].map(async (p) => [p.id, await whoOf(db, p, named.has(p.id))] as const)));
  return digestText(
    {
      tasks: due.map((e) => ({
        who: whos.get(e.person.id)!,
        tasks: e.tasks.map((t) => ({ title: t.title, due: t.due!, dueTime: t.dueTime })),
      })),
      events: events.map((e) => ({ who: whos.get(e.person.id)!, excerpt: e.event.excerpt, day: e.day })),
    },
    now,
  );
}

export interface TimedTask extends Timed {
  task: Task & { due: number; dueTime: number };
  person: Person;
}

/** Open tasks due today (or before) at a time, with their moment; the due-time reminders' candidates. */
export async function timedTasks(db: ClydeDB, now: Date): Promise<TimedTask[]> {
  return (await today(db, now, Infinity)).entries.flatMap((e) =>
    e.tasks.flatMap((task) => {
      const at = dueAt(task);
      return at === undefined ? [] : [{ taskId: task.id, at, task: task as TimedTask['task'], person: e.person }];
    }),
  );
}

export async function dueReminder(db: ClydeDB, t: TimedTask, now: Date): Promise<NotificationText> {
  return dueText(await whoOf(db, t.person, true), t.task, now);
}
