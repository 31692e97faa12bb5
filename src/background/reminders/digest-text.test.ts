import { beforeEach, describe, expect, it } from 'vitest';
import { inTimeZone } from '../../../test/support/time-zone';
import { digestText, dueText, type DigestInput, type Who } from './digest-text';

describe('digest and reminder wording', () => {
  inTimeZone('Europe/Berlin');
  // Monday 7 December 2026, 08:30: made in each test, in the zone.
  let now: Date;
  let day: (d: number) => number;
  beforeEach(() => {
    now = new Date(2026, 11, 7, 8, 30);
    day = (d) => new Date(2026, 11, d).getTime();
  });
  const bruno: Who = { personId: 'bruno', name: 'Bruno Costa', context: { kind: 'fact', key: 'order', value: 'grain in two bags' } };
  const ana: Who = { personId: 'ana', name: 'Ana Lima' };

  it('names one person, their task and their top fact, and opens that person', () => {
    const text = digestText({ tasks: [{ who: bruno, tasks: [{ title: 'Send the quote', due: day(7) }] }], events: [] }, now);
    expect(text).toEqual({
      title: '1 task today',
      message: 'Bruno Costa: Send the quote — Remember: order: grain in two bags',
      personId: 'bruno',
    });
  });

  it('sums up the day in the title and opens Home when it is about several people', () => {
    const noted: Who = {
      ...ana,
      context: { kind: 'note', excerpt: 'Asked about the spring catalogue', at: new Date(2026, 11, 4, 10).getTime() },
    };
    const input: DigestInput = {
      tasks: [
        { who: noted, tasks: [{ title: 'Call back', due: day(7), dueTime: 15 * 60 }] },
        {
          who: bruno,
          tasks: [
            { title: 'Send the quote', due: day(7) },
            { title: 'Book the van', due: day(7) },
          ],
        },
      ],
      events: [{ who: bruno, excerpt: 'birthday 11 December', day: day(11) }],
    };
    expect(digestText(input, now)).toEqual({
      title: "3 tasks today · Bruno's birthday Friday",
      message: [
        'Ana Lima: Call back at 15:00 — Last note 3 days ago: ‘Asked about the spring catalogue’',
        'Bruno Costa: Send the quote (+1 more) — Remember: order: grain in two bags',
      ].join('\n'),
    });
  });

  it('says what is overdue, and names a person who only has an event coming', () => {
    const input: DigestInput = {
      tasks: [{ who: { personId: 'bruno', name: 'Bruno Costa' }, tasks: [{ title: 'Send the quote', due: day(6) }] }],
      events: [
        { who: ana, excerpt: 'Trip to Lisbon', day: day(8) },
        { who: { personId: 'bruno', name: 'Bruno Costa' }, excerpt: 'Wedding anniversary', day: day(10) },
      ],
    };
    expect(digestText(input, now)).toEqual({
      title: '1 overdue · Ana: ‘Trip to Lisbon’ tomorrow · 1 more coming up',
      message: 'Bruno Costa: Send the quote, due yesterday\nAna Lima: ‘Trip to Lisbon’ tomorrow',
    });
  });

  it('is nothing when the day holds nothing, or only an event more than a week away', () => {
    expect(digestText({ tasks: [], events: [] }, now)).toBeUndefined();
    expect(digestText({ tasks: [{ who: bruno, tasks: [] }], events: [{ who: ana, excerpt: 'Exam', day: day(14) }] }, now)).toBeUndefined();
  });

  it('names three people and counts the rest', () => {
    const who = (i: number): Who => ({ personId: `p${i}`, name: `Person ${i}` });
    const tasks = [1, 2, 3, 4, 5].map((i) => ({ who: who(i), tasks: [{ title: `Task ${i}`, due: day(7) }] }));
    const text = digestText({ tasks, events: [] }, now)!;
    expect(text.title).toBe('5 tasks today');
    expect(text.message.split('\n')).toEqual(['Person 1: Task 1', 'Person 2: Task 2', 'Person 3: Task 3', 'and 2 more people on Home']);
  });

  it('reminds at a due time with the task, the person and what to remember', () => {
    expect(dueText(bruno, { title: 'Call Bruno back', due: day(7), dueTime: 15 * 60 }, now)).toEqual({
      title: 'Call Bruno back',
      message: 'Bruno Costa · due at 15:00\nRemember: order: grain in two bags',
      personId: 'bruno',
    });
  });
});
