import { afterEach, describe, expect, it } from 'vitest';
import type { Note, Task } from '../storage/schema';
import { ago, brief, dueWords, type BriefInput } from './brief';

/**
 * Days are local: each table runs in the time zones where a day boundary or a clock change is
 * most likely to catch an hour-based sum out. Node reads `TZ` again whenever it is set.
 */
const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland'];
const zoneWas = process.env.TZ;
afterEach(() => {
  // Assigning undefined would set the string "undefined".
  if (zoneWas === undefined) delete process.env.TZ;
  else process.env.TZ = zoneWas;
});
const inZone = (zone: string) => (process.env.TZ = zone);

/** A local moment: year, month (1–12), day, then hour and minute if any. */
const day = (...[y, m, d, h = 0, min = 0]: number[]) => new Date(y!, m! - 1, d, h, min).getTime();

const note = (id: string, over: Partial<Note>): Note =>
  ({ id, personId: 'p', kind: 'note', body: id, occurredAt: 0, deleted: false, ...over }) as Note;
const task = (id: string, due?: number): Task => ({ id, personId: 'p', title: id, due, done: false, deleted: false }) as Task;
const event = (noteId: string, eventAt: number, over: Partial<BriefInput['events'][number]> = {}) => ({
  noteId,
  eventAt,
  yearly: false,
  excerpt: noteId,
  ...over,
});

describe.each(ZONES)('in %s', (zone) => {
  it.each([
    ['earlier today', [2026, 11, 23, 0, 1], [2026, 11, 23, 23, 59], 'today'],
    ['just before midnight yesterday', [2026, 11, 22, 23, 59], [2026, 11, 23, 0, 1], 'yesterday'],
    ['12 days', [2026, 11, 11, 18, 0], [2026, 11, 23, 9, 0], '12 days ago'],
    ['45 days', [2026, 10, 9, 12, 0], [2026, 11, 23, 9, 0], '45 days ago'],
    ['46 days', [2026, 10, 8, 12, 0], [2026, 11, 23, 9, 0], '2 months ago'],
    ['across the new year', [2026, 12, 28, 12, 0], [2027, 1, 2, 9, 0], '5 days ago'],
    ['across the spring clock change', [2026, 3, 28, 23, 30], [2026, 3, 30, 0, 30], '2 days ago'],
    ['400 days', [2025, 10, 19, 12, 0], [2026, 11, 23, 9, 0], 'over a year ago'],
    ['800 days', [2024, 9, 14, 12, 0], [2026, 11, 23, 9, 0], 'over 2 years ago'],
  ] as const)('says when: %s', (_, at, now, expected) => {
    inZone(zone);
    expect(ago(day(...at), new Date(day(...now)))).toBe(expected);
  });

  // Wednesday 30 December 2026, the turn of the year.
  it.each([
    [[2026, 12, 30], 'due today', false],
    [[2026, 12, 31], 'due tomorrow', false],
    [[2027, 1, 1], 'due Friday', false],
    [[2027, 1, 5], 'due Tuesday', false],
    [[2027, 1, 6], 'due Jan 6, 2027', false],
    [[2026, 12, 29], 'was due yesterday', true],
    [[2026, 12, 1], 'was due 29 days ago', true],
  ] as const)('words a due day %j', (due, when, overdue) => {
    inZone(zone);
    expect(dueWords(day(...due), new Date(day(2026, 12, 30, 23, 30)))).toEqual({ when, overdue });
    expect(dueWords(day(...due), new Date(day(2026, 12, 30, 0, 5)))).toEqual({ when, overdue });
  });

  it('brings a birthday up across the new year, every year', () => {
    inZone(zone);
    const birthday = event('Jonas’ birthday', day(2001, 1, 2), { yearly: true });
    expect(brief({ tasks: [], events: [birthday] }, new Date(day(2026, 12, 30, 20, 0)))).toEqual([
      { kind: 'personal', noteId: 'Jonas’ birthday', words: 'Jonas’ birthday', when: 'in 3 days' },
    ]);
    expect(brief({ tasks: [], events: [birthday] }, new Date(day(2027, 1, 9, 8, 0)))[0]).toMatchObject({ when: '7 days ago' });
    expect(brief({ tasks: [], events: [birthday] }, new Date(day(2027, 6, 1)))).toEqual([]);
  });
});

describe('a day typed in another time zone', () => {
  // Up to 12 hours apart: further apart, a midnight in one zone is midday or later in the other,
  // and a moment alone cannot say which day was meant (brief.ts, dateDay).
  it.each([
    ['Europe/Berlin', 'America/New_York'],
    ['America/Los_Angeles', 'Europe/Berlin'],
    ['Pacific/Auckland', 'Asia/Tokyo'],
    ['Australia/Sydney', 'Europe/London'],
  ])('typed in %s reads as the same day in %s', (typed, read) => {
    inZone(typed);
    const due = day(2027, 1, 1);
    const exam = day(2027, 1, 4);
    inZone(read);
    const now = new Date(day(2026, 12, 30, 12, 0));
    expect(dueWords(due, now).when).toBe('due Friday');
    expect(brief({ tasks: [], events: [event('exam', exam)] }, now)[0]).toMatchObject({ when: 'in 5 days' });
  });
});

describe('brief', () => {
  const now = new Date(2026, 10, 23, 13, 0);
  const ago = (days: number) => now.getTime() - days * 86_400_000;

  it('says nothing when there is nothing worth knowing', () => {
    expect(brief({ tasks: [], events: [] }, now)).toEqual([]);
    expect(brief({ tasks: [], events: [event('trip long ago', day(2025, 3, 1), { notedAt: day(2025, 2, 1) })] }, now)).toEqual([]);
  });

  it('says the last interaction, what kind and when, in its own first words', () => {
    const call = note('c', { kind: 'call', body: '  asked about\nbulk price\n\nand more', occurredAt: ago(12) });
    expect(brief({ last: call, tasks: [], events: [] }, now)).toEqual([
      { kind: 'last', noteId: 'c', what: 'call', when: '12 days ago', words: 'asked about' },
    ]);
    const long = note('n', { body: 'x'.repeat(500), occurredAt: ago(0), tag: 'want' });
    expect(brief({ last: long, tasks: [], events: [] }, now)[0]).toMatchObject({
      what: 'want',
      when: 'today',
      words: `${'x'.repeat(69)}…`,
    });
  });

  it.each([
    [
      'the passage the user quoted',
      'Email: Bulk price\nWith: Ana Lima <ana@example.com>\n\n> Can you do 40 bags?\n> By Friday',
      'Can you do 40 bags?',
    ],
    ['the subject, when nothing was quoted', 'Email: Bulk price\nWith: Ana Lima <ana@example.com>', 'Bulk price'],
  ])('sums up a logged email by %s', (_, body, words) => {
    expect(brief({ last: note('e', { kind: 'email', body, occurredAt: ago(3) }), tasks: [], events: [] }, now)[0]).toEqual({
      kind: 'last',
      noteId: 'e',
      what: 'email',
      when: '3 days ago',
      words,
    });
  });

  it('leaves a recent complaint’s words to the complaints list, and says an old one', () => {
    const recent = note('late delivery', { tag: 'complaint', occurredAt: ago(5) });
    expect(brief({ last: recent, tasks: [], events: [] }, now)).toEqual([
      { kind: 'last', noteId: 'late delivery', what: 'complaint', when: '5 days ago' },
    ]);
    const old = note('wrong bag', { tag: 'complaint', occurredAt: ago(120) });
    expect(brief({ last: old, tasks: [], events: [] }, now)[0]).toMatchObject({ when: '4 months ago', words: 'wrong bag' });
  });

  it('says the first open promise, overdue first, and how many more there are', () => {
    const tasks = [task('send the quote', day(2026, 11, 20)), task('visit the farm', day(2026, 11, 27)), task('call back')];
    expect(brief({ tasks, events: [] }, now)).toEqual([
      { kind: 'promise', taskId: 'send the quote', words: 'send the quote', when: 'was due 3 days ago', overdue: true, more: 2 },
    ]);
    expect(brief({ tasks: [task('call back')], events: [] }, now)).toEqual([
      { kind: 'promise', taskId: 'call back', words: 'call back', overdue: false, more: 0 },
    ]);
  });

  it.each([
    ['14 days ahead', [event('trip', day(2026, 12, 7))], 'in 14 days'],
    ['14 days back', [event('trip', day(2026, 11, 9))], '14 days ago'],
    ['the nearest of two', [event('far', day(2026, 12, 1)), event('trip', day(2026, 11, 21))], '2 days ago'],
    ['the one ahead, at equal distance', [event('past', day(2026, 11, 21)), event('trip', day(2026, 11, 25))], 'in 2 days'],
    [
      'a far one noted recently',
      [event('old', day(2027, 6, 1), { notedAt: ago(30) }), event('trip', day(2027, 6, 1), { notedAt: ago(2) })],
      'noted 2 days ago',
    ],
  ])('brings up a life event: %s', (_, events, when) => {
    expect(brief({ tasks: [], events }, now)).toEqual([{ kind: 'personal', noteId: 'trip', words: 'trip', when }]);
  });

  it('stays quiet about a life event 15 days off, or noted 15 days ago', () => {
    expect(
      brief(
        {
          tasks: [],
          events: [event('a', day(2026, 12, 8)), event('b', day(2026, 11, 8)), event('c', day(2027, 6, 1), { notedAt: ago(15) })],
        },
        now,
      ),
    ).toEqual([]);
  });

  it('says at most three lines, last, promise, personal; a life event is said once', () => {
    const trip = note('trip', { tag: 'life-event', occurredAt: ago(1), eventAt: day(2026, 11, 30) });
    const lines = brief(
      { last: trip, tasks: [task('send the quote', day(2026, 11, 27))], events: [event('trip', day(2026, 11, 30), { notedAt: ago(1) })] },
      now,
    );
    expect(lines).toEqual([
      { kind: 'last', noteId: 'trip', what: 'life event', when: 'yesterday' },
      { kind: 'promise', taskId: 'send the quote', words: 'send the quote', when: 'due Friday', overdue: false, more: 0 },
      { kind: 'personal', noteId: 'trip', words: 'trip', when: 'in 7 days' },
    ]);
  });
});
