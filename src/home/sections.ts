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

/** What a section shows: its first `limit` entries, and how many it has in all. */
export interface Shown<T> {
  entries: T[];
  total: number;
}

/** Each section shows this many at first; the rest are one click away ("Show all"). */
export const SECTION_LIMIT = 25;

/**
 * The people on the never-log list, found from the list itself (usually empty, always short):
 * exact addresses by index, domains by one pass over the email addresses.
 */
async function hiddenPeople(db: ClydeDB): Promise<Set<string>> {
  const never = await neverLogSet(db);
  if (!never.size) return new Set();
  const emails = db.identities.where('[kind+value]').between(['email', ''], ['email', '\uffff']);
  const covered = await emails.filter((i) => !i.deleted && !!coveringEntry(never, i.value)).toArray();
  return new Set(covered.map((i) => i.personId));
}

/**
 * The first `limit` of `ranked` (already in the section's order) with their people: the order and
 * the count come from summaries alone, so a section with thousands of candidates reads the people
 * of the few it shows. Anyone gone or on the never-log list is left out, and not counted.
 */
async function shown<T extends { summary: Summary }>(db: ClydeDB, ranked: T[], limit: number): Promise<Shown<T & Entry>> {
  const hidden = await hiddenPeople(db);
  const visible = ranked.filter((r) => !hidden.has(r.summary.personId));
  const top = visible.slice(0, limit);
  const people = await db.people.bulkGet(top.map((r) => r.summary.personId));
  const entries = top.flatMap((r, i) => (people[i] && !people[i].deleted ? [{ ...r, person: people[i] }] : []));
  return { entries, total: visible.length - (top.length - entries.length) };
}

/** Tasks due today and overdue, across people, oldest due first. */
export async function today(db: ClydeDB, now: Date, limit = SECTION_LIMIT): Promise<Shown<TodayEntry>> {
  const end = dayOf(now.getTime());
  const due = await db.summaries.where('nextDue').belowOrEqual(end).sortBy('nextDue');
  const page = await shown(
    db,
    due.map((summary) => ({ summary })),
    limit,
  );
  const tasks = await db.tasks
    .where('personId')
    .anyOf(page.entries.map((e) => e.person.id))
    .toArray();
  const open = tasks.filter((t) => !t.deleted && !t.done && typeof t.due === 'number' && t.due <= end).sort((a, b) => a.due! - b.due!);
  return { ...page, entries: page.entries.map((e) => ({ ...e, tasks: open.filter((t) => t.personId === e.person.id) })) };
}

/**
 * People past their keep-in-touch rhythm, longest overdue first. Once the silence lasts twice the
 * rhythm it is a risk, and they are under "At risk" instead: one person, one place on Home.
 */
export async function reachOut(db: ClydeDB, now: Date, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const t = now.getTime();
  const due = await db.summaries.where('reachOutAt').belowOrEqual(t).sortBy('reachOutAt');
  const ranked = due.flatMap((summary) => {
    const reason = summary.silentAt !== undefined && summary.silentAt <= t ? undefined : reachOutReason(summary, now);
    return reason ? [{ summary, reasons: [reason] }] : [];
  });
  return shown(db, ranked, limit);
}

/** People at risk, with every reason; the most reasons first, then the longest standing. */
export async function atRisk(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const t = now.getTime();
  const [risky, silent] = await Promise.all([
    db.summaries.where('riskAt').belowOrEqual(t).toArray(),
    db.summaries.where('silentAt').belowOrEqual(t).toArray(),
  ]);
  const candidates = new Map([...risky, ...silent].map((s) => [s.personId, s]));
  const since = (s: Summary) => Math.min(s.riskAt ?? Infinity, s.silentAt ?? Infinity);
  const ranked = [...candidates.values()]
    .map((summary) => ({ summary, reasons: riskReasons(summary, now, viewer) }))
    .filter((e) => e.reasons.length)
    .sort((a, b) => b.reasons.length - a.reasons.length || since(a.summary) - since(b.summary));
  return shown(db, ranked, limit);
}

/** The best customers and why: starred first, then the most reasons, then the most recent contact. */
export async function best(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const candidates = await db.summaries.where('bestUntil').above(now.getTime()).toArray();
  const ranked = candidates
    .map((summary) => ({ summary, reasons: bestReasons(summary, now, viewer) }))
    .filter((e) => e.reasons.length)
    .sort(
      (a, b) =>
        Number(b.summary.starred) - Number(a.summary.starred) ||
        b.reasons.length - a.reasons.length ||
        (b.summary.lastAt ?? 0) - (a.summary.lastAt ?? 0),
    );
  return shown(db, ranked, limit);
}

/** Life events in the next two weeks (today included), soonest first; yearly ones every year. */
export async function comingUp(db: ClydeDB, now: Date, limit = SECTION_LIMIT): Promise<Shown<EventEntry>> {
  const days = eventKeysAround(now, COMING_UP_DAYS);
  const found = await db.summaries
    .where('eventKeys')
    .anyOf([...days.keys()])
    .distinct()
    .toArray();
  const ranked = found
    .flatMap((summary) =>
      summary.events.flatMap((event) => {
        const day = days.get((event.yearly ? yearlyKey : dayKey)(new Date(event.eventAt)));
        return day === undefined ? [] : [{ summary, event, day }];
      }),
    )
    .sort((a, b) => a.day - b.day);
  return shown(db, ranked, limit);
}

/** What teammates shared this week, grouped by person, newest first. Never a count per teammate. */
export async function teamThisWeek(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<TeamEntry>> {
  const since = now.getTime() - TEAM_DAYS * DAY;
  const found = await db.summaries.where('teamAt').aboveOrEqual(since).toArray();
  const ranked = found
    .map((summary) => ({ summary, notes: summary.team.filter((n) => n.at >= since && n.at <= now.getTime() && n.ownerId !== viewer.me) }))
    .filter((e) => e.notes.length)
    .sort((a, b) => b.notes[0]!.at - a.notes[0]!.at);
  return shown(db, ranked, limit);
}
