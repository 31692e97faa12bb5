import type { ClydeDB } from '../storage/db';
import { getMeta } from '../storage/keys';
import { coveringEntry, neverLogSet } from '../storage/records/never-log';
import type { Person, Task } from '../storage/schema';
import { DAY, dayKey, dayOf, yearlyKey, type Evidence, type LifeEvent, type Summary } from '../storage/summaries/summary';
import { eventKeysAround } from './event-days';
import { bestReasons, reachOutReason, riskReasons, type Reason, type Viewer } from './reasons';

/**
 * The data of each Home section, each one index range read over `summaries` (upkeep.ts keeps
 * them) plus the few records the shown people need. People on the never-log list appear in none.
 */
interface Entry {
  person: Person;
  summary: Summary;
}
export interface TodayEntry extends Entry {
  /** Open tasks due today or before, oldest first. */
  tasks: Task[];
}
export interface ReasonEntry extends Entry {
  reasons: Reason[];
}
export interface EventEntry extends Entry {
  event: LifeEvent;
  /** The day it happens this time (a yearly one: this year's or next year's). */
  day: number;
}
export interface TeamEntry extends Entry {
  notes: Evidence[];
}

export const COMING_UP_DAYS = 14;
const TEAM_DAYS = 7;

/** Who is looking: their own notes are not "from the team". */
export async function viewerOf(db: ClydeDB): Promise<Viewer> {
  return { me: (await getMeta(db, 'account'))?.userId ?? (await getMeta(db, 'device'))?.userId };
}

/** The people behind these summaries, leaving out anyone gone or on the never-log list. */
async function entries(db: ClydeDB, summaries: Summary[]): Promise<Entry[]> {
  if (!summaries.length) return [];
  const ids = summaries.map((s) => s.personId);
  const [people, identities, never] = await Promise.all([
    db.people.bulkGet(ids),
    db.identities.where('personId').anyOf(ids).toArray(),
    neverLogSet(db),
  ]);
  const hidden = new Set(
    identities.filter((i) => !i.deleted && i.kind === 'email' && coveringEntry(never, i.value)).map((i) => i.personId),
  );
  return summaries.flatMap((summary, i) => {
    const person = people[i];
    return person && !person.deleted && !hidden.has(person.id) ? [{ person, summary }] : [];
  });
}

/** Tasks due today and overdue, across people, oldest due first. */
export async function today(db: ClydeDB, now: Date): Promise<TodayEntry[]> {
  const end = dayOf(now.getTime());
  const shown = await entries(db, await db.summaries.where('nextDue').belowOrEqual(end).toArray());
  const tasks = await db.tasks
    .where('personId')
    .anyOf(shown.map((e) => e.person.id))
    .toArray();
  const due = tasks.filter((t) => !t.deleted && !t.done && typeof t.due === 'number' && t.due <= end).sort((a, b) => a.due! - b.due!);
  return shown
    .map((e) => ({ ...e, tasks: due.filter((t) => t.personId === e.person.id) }))
    .filter((e) => e.tasks.length)
    .sort((a, b) => a.tasks[0]!.due! - b.tasks[0]!.due!);
}

/**
 * People past their keep-in-touch rhythm, longest overdue first. Once the silence lasts twice the
 * rhythm it is a risk, and they are under "At risk" instead: one person, one place on Home.
 */
export async function reachOut(db: ClydeDB, now: Date): Promise<ReasonEntry[]> {
  const t = now.getTime();
  const due = (await db.summaries.where('reachOutAt').belowOrEqual(t).sortBy('reachOutAt')).filter(
    (s) => s.silentAt === undefined || s.silentAt > t,
  );
  return (await entries(db, due)).flatMap((e) => {
    const reason = reachOutReason(e.summary, now);
    return reason ? [{ ...e, reasons: [reason] }] : [];
  });
}

/** People at risk, with every reason; the most reasons first, then the longest standing. */
export async function atRisk(db: ClydeDB, now: Date, viewer: Viewer): Promise<ReasonEntry[]> {
  const t = now.getTime();
  const [risky, silent] = await Promise.all([
    db.summaries.where('riskAt').belowOrEqual(t).toArray(),
    db.summaries.where('silentAt').belowOrEqual(t).toArray(),
  ]);
  const candidates = new Map([...risky, ...silent].map((s) => [s.personId, s]));
  const since = (s: Summary) => Math.min(s.riskAt ?? Infinity, s.silentAt ?? Infinity);
  return (await entries(db, [...candidates.values()]))
    .map((e) => ({ ...e, reasons: riskReasons(e.summary, now, viewer) }))
    .filter((e) => e.reasons.length)
    .sort((a, b) => b.reasons.length - a.reasons.length || since(a.summary) - since(b.summary));
}

/** The best customers and why: starred first, then the most reasons, then the most recent contact. */
export async function best(db: ClydeDB, now: Date, viewer: Viewer): Promise<ReasonEntry[]> {
  const candidates = await db.summaries.where('bestUntil').above(now.getTime()).toArray();
  return (await entries(db, candidates))
    .map((e) => ({ ...e, reasons: bestReasons(e.summary, now, viewer) }))
    .filter((e) => e.reasons.length)
    .sort(
      (a, b) =>
        Number(b.summary.starred) - Number(a.summary.starred) ||
        b.reasons.length - a.reasons.length ||
        (b.summary.lastAt ?? 0) - (a.summary.lastAt ?? 0),
    );
}

/** Life events in the next two weeks (today included), soonest first; yearly ones every year. */
export async function comingUp(db: ClydeDB, now: Date): Promise<EventEntry[]> {
  const days = eventKeysAround(now, COMING_UP_DAYS);
  const found = await db.summaries
    .where('eventKeys')
    .anyOf([...days.keys()])
    .distinct()
    .toArray();
  return (await entries(db, found))
    .flatMap((e) =>
      e.summary.events.flatMap((event) => {
        const day = days.get((event.yearly ? yearlyKey : dayKey)(new Date(event.eventAt)));
        return day === undefined ? [] : [{ ...e, event, day }];
      }),
    )
    .sort((a, b) => a.day - b.day);
}

/** What teammates shared this week, grouped by person, newest first. Never a count per teammate. */
export async function teamThisWeek(db: ClydeDB, now: Date, viewer: Viewer): Promise<TeamEntry[]> {
  const since = now.getTime() - TEAM_DAYS * DAY;
  const found = await db.summaries.where('teamAt').aboveOrEqual(since).toArray();
  return (await entries(db, found))
    .map((e) => ({ ...e, notes: e.summary.team.filter((n) => n.at >= since && n.at <= now.getTime() && n.ownerId !== viewer.me) }))
    .filter((e) => e.notes.length)
    .sort((a, b) => b.notes[0]!.at - a.notes[0]!.at);
}
