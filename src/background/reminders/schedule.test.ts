import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { inTimeZone } from '../../../test/support/time-zone';
import { atLocalTime, dueNow, localDay, nextDigestAt, nextDueCheck, nextMidnight } from './schedule';

const utc = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const DIGEST = 8 * 60 + 30;

describe('digest time in Europe/Berlin (clocks go forward 29 March, back 25 October 2026)', () => {
  inTimeZone('Europe/Berlin');

  it('comes at the chosen time today while it has not been shown, and catches up once when that time has passed', () => {
    expect(iso(nextDigestAt(utc('2026-03-28T06:00Z'), DIGEST, undefined))).toBe('2026-03-28T07:30:00.000Z');
    // 10:00 with no digest today (the browser just opened): now.
    expect(nextDigestAt(utc('2026-03-28T09:00Z'), DIGEST, '2026-03-27')).toBe(utc('2026-03-28T09:00Z'));
    expect(iso(nextDigestAt(utc('2026-03-28T09:00Z'), DIGEST, '2026-03-28'))).toBe('2026-03-29T06:30:00.000Z');
  });

  it('keeps 08:30 across the short and the long night, 23 and 25 hours apart', () => {
    const spring = nextDigestAt(utc('2026-03-28T07:30Z'), DIGEST, '2026-03-28');
    expect(iso(spring)).toBe('2026-03-29T06:30:00.000Z');
    expect(spring - utc('2026-03-28T07:30Z')).toBe(23 * 3_600_000);
    const autumn = nextDigestAt(utc('2026-10-24T06:30Z'), DIGEST, '2026-10-24');
    expect(iso(autumn)).toBe('2026-10-25T07:30:00.000Z');
    expect(autumn - utc('2026-10-24T06:30Z')).toBe(25 * 3_600_000);
  });

  it('moves a time the clocks skip to just after the gap, and takes the first of a time they pass twice', () => {
    expect(iso(nextDigestAt(utc('2026-03-28T12:00Z'), 150, '2026-03-28'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(nextDigestAt(utc('2026-10-24T12:00Z'), 150, '2026-10-24'))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });

  it('names the local day, which is not the UTC one around midnight', () => {
    expect(localDay(utc('2026-03-28T23:30Z'))).toBe('2026-03-29');
    expect(iso(nextMidnight(utc('2026-03-28T20:00Z')))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(nextMidnight(utc('2026-03-29T20:00Z')))).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('digest time in America/New_York (clocks go forward 8 March 2026)', () => {
  inTimeZone('America/New_York');

  it('names the local day and keeps 08:30 local across the change', () => {
    expect(localDay(utc('2026-03-08T03:30Z'))).toBe('2026-03-07');
    expect(iso(nextDigestAt(utc('2026-03-07T14:00Z'), DIGEST, '2026-03-07'))).toBe('2026-03-08T12:30:00.000Z');
    expect(iso(nextDigestAt(utc('2026-03-06T14:00Z'), DIGEST, '2026-03-06'))).toBe('2026-03-07T13:30:00.000Z');
  });
});

describe('a midnight the clocks skip, in America/Santiago (6 September 2026 starts at 01:00)', () => {
  inTimeZone('America/Santiago');

  it('looks again at the first moment of the new day', () => {
    expect(iso(nextMidnight(utc('2026-09-06T01:00Z')))).toBe('2026-09-06T04:00:00.000Z');
    expect(localDay(nextMidnight(utc('2026-09-06T01:00Z')))).toBe('2026-09-06');
  });
});

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'UTC'];
const YEAR_2026 = { min: new Date('2026-01-01T00:00Z'), max: new Date('2026-12-31T00:00Z'), noInvalidDate: true };

describe('in any of six zones, on any day of 2026 (property)', () => {
  it('the next digest is never earlier than now: today while not shown today, else tomorrow, at the chosen wall-clock time', () => {
    const before = process.env.TZ;
    try {
      fc.assert(
        fc.property(
          fc.constantFrom(...ZONES),
          fc.date(YEAR_2026),
          fc.integer({ min: 0, max: 1439 }),
          fc.boolean(),
          (zone, d, at, shown) => {
            process.env.TZ = zone;
            const now = d.getTime();
            const today = localDay(now);
            const next = nextDigestAt(now, at, shown ? today : undefined);
            expect(next).toBeGreaterThanOrEqual(now);
            // Not shown today: today's (or now); shown: tomorrow's, on the calendar's next day.
            expect(localDay(next)).toBe(shown ? localDay(nextMidnight(now)) : today);
            // Where the wall clock has the chosen time that day, the digest comes at it.
            const local = new Date(next);
            if (next > now && atLocalTime(next, at) === next) expect(local.getHours() * 60 + local.getMinutes()).toBe(at);
          },
        ),
      );
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('due times, in Europe/Berlin', () => {
  inTimeZone('Europe/Berlin');
  const at = (h: number, m = 0) => new Date(2026, 2, 29, h, m).getTime(); // the 23-hour day
  // Built in each test, in the zone: local dates made while the tests are collected are UTC's.
  let tasks: { taskId: string; at: number }[];
  beforeEach(() => {
    tasks = [
      { taskId: 'call', at: at(15) },
      { taskId: 'quote', at: at(9, 30) },
      { taskId: 'yesterday', at: new Date(2026, 2, 28, 18).getTime() },
    ];
  });

  it('reminds of each due time once, in order, and of one missed meanwhile today, but not of yesterday', () => {
    expect(dueNow(tasks, at(9), at(9, 30)).map((t) => t.taskId)).toEqual(['quote']);
    expect(dueNow(tasks, at(9, 30), at(10))).toEqual([]);
    // The browser was closed from 8:00 to 16:00: both, once; yesterday's stays in the digest.
    expect(dueNow(tasks, new Date(2026, 2, 27).getTime(), at(16)).map((t) => t.taskId)).toEqual(['quote', 'call']);
  });

  it('looks next at the earliest time still to come, now for a missed one, else at midnight', () => {
    expect(nextDueCheck(tasks, at(9), at(9))).toBe(at(9, 30));
    expect(nextDueCheck(tasks, at(9, 30), at(9, 30))).toBe(at(15));
    expect(nextDueCheck(tasks, at(8), at(16))).toBe(at(16));
    expect(iso(nextDueCheck(tasks, at(15), at(15)))).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(nextDueCheck([], 0, at(1)))).toBe('2026-03-29T22:00:00.000Z');
  });
});
