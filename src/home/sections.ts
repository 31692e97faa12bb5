import type { Collection, InsertType } from 'dexie';
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
  /**
   * How many in all, when the read itself found out (fewer than `limit`); else unknown, and a
   * section that can count them does so in a second read (`…Total` below), after its entries.
   */
  total: number | undefined;
}

/** What the first read knows of the total: all of them, when it ran out before the limit. */
const knownTotal = (found: unknown[], limit: number) => (found.length < limit ? found.length : undefined);

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

type Range = Collection<Summary, string, InsertType<Summary, 'personId'>>;

/** Who the person behind each summary is; anyone gone meanwhile is left out. */
async function withPeople<T extends { summary: Summary }>(db: ClydeDB, rows: T[]): Promise<(T & Entry)[]> {
  const people = await db.people.bulkGet(rows.map((r) => r.summary.personId));
  return rows.flatMap((r, i) => (people[i] && !people[i].deleted ? [{ ...r, person: people[i] }] : []));
}

/**
 * How many people an index range holds, not counting hidden ones (keys only: no summary is read).
 * Not cheap: Chromium counts a range key by key (about 15–30 µs a key on the bench machine, so
 * 100–200 ms for the 6k people due today in a 10k store), which is why sections count in a read
 * of their own, after their entries are on screen.
 */
async function countOf(range: Range, hidden: Set<string>): Promise<number> {
  if (!hidden.size) return range.count();
  return (await range.primaryKeys()).filter((id) => !hidden.has(id)).length;
}

/**
 * The first `limit` of a section in its index's order, read with a cursor that stops there: a
 * section with thousands of candidates reads as many summaries as it shows. `keep` says whether a
 * summary belongs (and is not hidden).
 */
const firstOf = (range: Range, keep: (s: Summary) => boolean, limit: number) => range.filter(keep).limit(limit).toArray();

/** Tasks due today and overdue, across people, oldest due first. */
const dueToday = (db: ClydeDB, now: Date) => db.summaries.where('nextDue').belowOrEqual(dayOf(now.getTime()));

export async function today(db: ClydeDB, now: Date, limit = SECTION_LIMIT): Promise<Shown<TodayEntry>> {
  const end = dayOf(now.getTime());
  const hidden = await hiddenPeople(db);
  const first = await firstOf(dueToday(db, now), (s) => !hidden.has(s.personId), limit);
  const total = knownTotal(first, limit);
  const entries = await withPeople(
    db,
    first.map((summary) => ({ summary })),
  );
  const tasks = await db.tasks
    .where('personId')
    .anyOf(entries.map((e) => e.person.id))
    .toArray();
  const open = tasks.filter((t) => !t.deleted && !t.done && typeof t.due === 'number' && t.due <= end).sort((a, b) => a.due! - b.due!);
  return { total, entries: entries.map((e) => ({ ...e, tasks: open.filter((t) => t.personId === e.person.id) })) };
}

/** How many people have a task due today or before. */
export async function todayTotal(db: ClydeDB, now: Date): Promise<number> {
  return countOf(dueToday(db, now), await hiddenPeople(db));
}

/**
 * People past their keep-in-touch rhythm, longest overdue first. Once the silence lasts twice the
 * rhythm it is a risk, and they are under "At risk" instead: one person, one place on Home.
 */
export async function reachOut(db: ClydeDB, now: Date, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const t = now.getTime();
  const hidden = await hiddenPeople(db);
  const keep = (s: Summary) => !hidden.has(s.personId) && !(s.silentAt !== undefined && s.silentAt <= t);
  const first = await firstOf(db.summaries.where('reachOutAt').belowOrEqual(t), keep, limit);
  const ranked = first.flatMap((summary) => {
    const reason = reachOutReason(summary, now);
    return reason ? [{ summary, reasons: [reason] }] : [];
  });
  return { entries: await withPeople(db, ranked), total: knownTotal(first, limit) };
}

/** How many people are past their rhythm but not yet silent twice as long. */
export async function reachOutTotal(db: ClydeDB, now: Date): Promise<number> {
  const t = now.getTime();
  const hidden = await hiddenPeople(db);
  // Silence twice past the rhythm is past it once too: the silent are a part of the due.
  const [due, silent] = await Promise.all([
    countOf(db.summaries.where('reachOutAt').belowOrEqual(t), hidden),
    countOf(db.summaries.where('silentAt').belowOrEqual(t), hidden),
  ]);
  return due - silent;
}

/**
 * People at risk, with every reason, the longest standing first: since a complaint, an overdue
 * promise or a silence twice past the rhythm, whichever came first (the summary's `riskAt`).
 */
export async function atRisk(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const hidden = await hiddenPeople(db);
  const keep = (s: Summary) => !hidden.has(s.personId) && riskReasons(s, now, viewer).length > 0;
  const first = await firstOf(risky(db, now), keep, limit);
  const ranked = first.map((summary) => ({ summary, reasons: riskReasons(summary, now, viewer) }));
  return { entries: await withPeople(db, ranked), total: knownTotal(first, limit) };
}

const risky = (db: ClydeDB, now: Date) => db.summaries.where('riskAt').belowOrEqual(now.getTime());

/** How many people are at risk (by their summary's moment; the reasons are not read for a count). */
export async function atRiskTotal(db: ClydeDB, now: Date): Promise<number> {
  return countOf(risky(db, now), await hiddenPeople(db));
}

/**
 * The best customers and why: starred first, then the freshest praise or contact (the index holds
 * how long each can count among the best). Whether steady contact really holds is decided as they
 * are read, so the count of all is known only once every candidate is read (Show all).
 */
export async function best(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<ReasonEntry>> {
  const hidden = await hiddenPeople(db);
  const candidates = db.summaries.where('bestUntil').above(now.getTime()).reverse();
  const keep = (s: Summary) => !hidden.has(s.personId) && bestReasons(s, now, viewer).length > 0;
  const first = await firstOf(candidates, keep, limit + 1);
  const ranked = first.slice(0, limit).map((summary) => ({ summary, reasons: bestReasons(summary, now, viewer) }));
  return { entries: await withPeople(db, ranked), total: first.length > limit ? undefined : ranked.length };
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
  const hidden = await hiddenPeople(db);
  const visible = ranked.filter((r) => !hidden.has(r.summary.personId));
  return { entries: await withPeople(db, visible.slice(0, limit)), total: visible.length };
}

/** What teammates shared this week, grouped by person, newest first. Never a count per teammate. */
export async function teamThisWeek(db: ClydeDB, now: Date, viewer: Viewer, limit = SECTION_LIMIT): Promise<Shown<TeamEntry>> {
  const since = now.getTime() - TEAM_DAYS * DAY;
  const found = await db.summaries.where('teamAt').aboveOrEqual(since).toArray();
  const ranked = found
    .map((summary) => ({ summary, notes: summary.team.filter((n) => n.at >= since && n.at <= now.getTime() && n.ownerId !== viewer.me) }))
    .filter((e) => e.notes.length)
    .sort((a, b) => b.notes[0]!.at - a.notes[0]!.at);
  const hidden = await hiddenPeople(db);
  const visible = ranked.filter((r) => !hidden.has(r.summary.personId));
  return { entries: await withPeople(db, visible.slice(0, limit)), total: visible.length };
}
