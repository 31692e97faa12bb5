import { afterEach, describe, expect, it } from 'vitest';
import { DAY, learnedGap, summarize, type Summary } from '../storage/summaries/summary';
import type { Note, Person, Task } from '../storage/schema';
import { eventKeysAround } from './event-days';
import { ago, bestReasons, dateText, reachOutReason, riskReasons, span } from './reasons';

const TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = TZ;
});

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
/** The sync envelope every record carries: this user's, private, never synced. */
const mine = { scope: 'user:me', ownerId: 'me', clocks: {}, rowSeq: 0, deleted: false, updatedAt: 0 } as const;
const person = { id: 'p', ...mine, name: 'Ana' } as Person;
const note = (at: number, fields: Partial<Note> = {}): Note =>
  ({ id: `n${at}`, personId: 'p', kind: 'note', body: 'a note', occurredAt: at, ...mine, ...fields }) as Note;
const task = (due: number, fields: Partial<Task> = {}): Task =>
  ({ id: `t${due}`, personId: 'p', title: 'send the quote', due, done: false, ...mine, ...fields }) as Task;
const of = (notes: Note[], tasks: Task[] = [], personal = {}) => summarize(person, notes, tasks, { personId: 'p', ...personal })!;
const me = { me: 'me' };

describe('risk sentences', () => {
  const now = new Date(2026, 11, 6, 9);
  it.each<[string, Summary, string[]]>([
    [
      'an open complaint',
      of([note(local(2026, 11, 24), { tag: 'complaint', body: 'late delivery' })]),
      ['Complained 12 days ago: ‘late delivery’; nothing since'],
    ],
    ['a complaint answered by a later note', of([note(local(2026, 11, 24), { tag: 'complaint' }), note(local(2026, 11, 25))]), []],
    [
      'a teammate’s shared complaint',
      of([note(local(2026, 12, 5), { tag: 'complaint', body: 'rude driver', scope: 'team', ownerId: 'bo' })]),
      ['Complained yesterday: ‘rude driver’; nothing since (shared by a teammate)'],
    ],
    [
      'a promise overdue',
      of([], [task(local(2026, 12, 3, 0))]),
      // The date in the locale's own order and month name ("Dec 3" in en-US, "3 Dec" in en-GB).
      [
        `Promised ‘send the quote’ by ${new Date(2026, 11, 3).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}; 3 days overdue`,
      ],
    ],
    ['a promise due today is not late yet', of([], [task(local(2026, 12, 6, 0))]), []],
    [
      'silence twice past a learned rhythm',
      of([note(local(2026, 10, 1)), note(local(2026, 9, 10)), note(local(2026, 8, 20))]),
      ['No contact for 9 weeks; usually every 3 (learned from your history)'],
    ],
    [
      'silence past a rhythm the user chose',
      of([note(local(2026, 9, 1))], [], { rhythmDays: 30 }),
      ['No contact for 3 months; usually every 4 weeks'],
    ],
    [
      'no rhythm chosen: none',
      of([note(local(2025, 1, 1)), note(local(2024, 12, 1)), note(local(2024, 11, 1))], [], { rhythmDays: 0 }),
      [],
    ],
  ])('%s', (_, summary, sentences) => {
    expect(riskReasons(summary, now, me).map((r) => r.sentence)).toEqual(sentences);
  });

  it('cites its evidence', () => {
    const s = of([note(local(2026, 12, 1), { id: 'complaint-1', tag: 'complaint' })], [task(local(2026, 12, 1, 0), { id: 'task-1' })]);
    expect(riskReasons(s, now, me).map((r) => r.noteId ?? r.taskId)).toEqual(['complaint-1', 'task-1']);
  });

  it('names the teammate when their name is known', () => {
    const s = of([note(local(2026, 12, 5), { tag: 'complaint', body: 'x', scope: 'team', ownerId: 'bo' })]);
    expect(riskReasons(s, now, { me: 'me', nameOf: (id) => (id === 'bo' ? 'Ana' : undefined) })[0]?.sentence).toMatch(/\(shared by Ana\)$/);
  });
});

describe('reach out and best', () => {
  const now = new Date(2026, 11, 6, 9);
  it('says whether the rhythm was chosen or learned', () => {
    expect(reachOutReason(of([note(local(2026, 11, 20))], [], { rhythmDays: 14 }), now)?.sentence).toBe(
      'Last contact 2 weeks ago; you chose every 2 weeks',
    );
    const learned = of([note(local(2026, 11, 20)), note(local(2026, 11, 13)), note(local(2026, 11, 6))]);
    expect(reachOutReason(learned, now)?.sentence).toBe('Last contact 2 weeks ago; usually every 7 days, learned from your history');
    expect(reachOutReason(of([note(local(2026, 12, 1))], [], { rhythmDays: 14 }), now)).toBeUndefined();
  });

  it.each<[string, Summary, string[]]>([
    ['starred', of([], [], { starred: true }), ['You starred them as a key relationship']],
    [
      'praise within six months',
      of([note(local(2026, 9, 1), { tag: 'compliment', body: 'best bread in town' })]),
      ['Praised 3 months ago: ‘best bread in town’'],
    ],
    ['praise too long ago', of([note(local(2026, 3, 1), { tag: 'compliment' })]), []],
    [
      'steady contact in each of the last three months',
      of([note(local(2026, 12, 1)), note(local(2026, 11, 1)), note(local(2026, 10, 1))]),
      ['In touch every month for the last 3 months (3 days of contact)'],
    ],
    ['a gap of a month is not steady', of([note(local(2026, 12, 1)), note(local(2026, 11, 30)), note(local(2026, 9, 20))]), []],
  ])('%s', (_, summary, sentences) => {
    expect(bestReasons(summary, now, me).map((r) => r.sentence)).toEqual(sentences);
  });
});

describe('learned rhythm', () => {
  const days = (...gaps: number[]) => gaps.reduce<number[]>((acc, g) => [...acc, acc.at(-1)! - g * DAY], [local(2026, 12, 1, 0)]);
  it.each<[string, number[], number | undefined]>([
    ['two interactions are not enough', days(7), undefined],
    ['three weekly ones', days(7, 7), 7],
    ['the median, so one long holiday does not move it', days(7, 7, 60, 7), 7],
    ['an even count takes the middle two', days(10, 20), 15],
    ['never less than a day', days(0, 0), 1],
  ])('%s', (_, recent, gap) => {
    expect(learnedGap(recent)).toBe(gap);
  });

  it('needs three interactions on different days', () => {
    const sameDay = of([note(local(2026, 12, 1, 9)), note(local(2026, 12, 1, 15)), note(local(2026, 11, 1))]);
    expect(sameDay.learnedGapDays).toBeUndefined();
    expect(sameDay.recent).toHaveLength(2);
  });
});

describe('days, years and time zones', () => {
  it.each(['Europe/Lisbon', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata'])('yesterday is yesterday in %s', (zone) => {
    process.env.TZ = zone;
    const now = new Date(2026, 2, 30, 0, 30); // just after midnight, the day after Europe's clocks change
    expect(ago(new Date(2026, 2, 29, 23, 50).getTime(), now)).toBe('yesterday');
    expect(ago(new Date(2026, 2, 30, 0, 10).getTime(), now)).toBe('today');
    expect(dateText(new Date(2026, 2, 31).getTime(), now)).toBe('tomorrow');
  });

  it('a birthday comes up every year, across the turn of the year', () => {
    const now = new Date(2026, 11, 25, 10);
    const keys = eventKeysAround(now, 14);
    expect(keys.get('y:01-05')).toBe(new Date(2027, 0, 5).getTime());
    expect(keys.get('d:2027-01-08')).toBe(new Date(2027, 0, 8).getTime());
    expect(keys.has('y:01-09')).toBe(false);
    expect(keys.has('y:12-24')).toBe(false);
    const birthday = of([note(local(2019, 1, 5), { tag: 'life-event', body: 'Birthday', eventAt: local(1990, 1, 5, 0) })]);
    expect(birthday.eventKeys).toEqual(['y:01-05']);
    const trip = of([note(local(2026, 12, 1), { tag: 'life-event', body: 'Trip to Porto', eventAt: local(2027, 1, 3, 0) })]);
    expect(trip.eventKeys).toEqual(['d:2027-01-03']);
  });

  it('29 February comes up on 1 March in other years', () => {
    expect(eventKeysAround(new Date(2027, 1, 20), 14).get('y:02-29')).toBe(new Date(2027, 2, 1).getTime());
    expect(eventKeysAround(new Date(2028, 1, 20), 14).get('y:02-29')).toBe(new Date(2028, 1, 29).getTime());
  });

  it('the same day keys across a daylight-saving change', () => {
    process.env.TZ = 'America/New_York';
    const keys = [...eventKeysAround(new Date(2026, 2, 5), 14).keys()].filter((k) => k.startsWith('d:'));
    expect(keys).toHaveLength(15);
    expect(keys).toContain('d:2026-03-08');
    expect(keys).toContain('d:2026-03-09');
  });

  it('says spans the way people do', () => {
    expect([3, 13, 14, 63, 90, 91, 365].map((d) => span(d))).toEqual([
      { n: 3, unit: 'day' },
      { n: 13, unit: 'day' },
      { n: 2, unit: 'week' },
      { n: 9, unit: 'week' },
      { n: 13, unit: 'week' },
      { n: 3, unit: 'month' },
      { n: 12, unit: 'month' },
    ]);
  });
});
