import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { inTimeZone } from '../../../test/support/time-zone';
import { createPerson } from './people';
import { addTask, dueAt, updateTask } from './tasks';

describe('a task due at a time, in Europe/Berlin', () => {
  inTimeZone('Europe/Berlin');
  const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

  it('is due at that wall-clock time on its day, also on the days the clocks change', () => {
    expect(new Date(dueAt({ due: day(2026, 3, 28), dueTime: 15 * 60 })!).toISOString()).toBe('2026-03-28T14:00:00.000Z');
    // 29 March has 23 hours: 15:00 is 14 hours after midnight, not 15, and is 13:00 UTC.
    expect(new Date(dueAt({ due: day(2026, 3, 29), dueTime: 15 * 60 })!).toISOString()).toBe('2026-03-29T13:00:00.000Z');
    // 02:30 does not exist that night; the reminder comes at 03:30, the first moment after the gap.
    expect(new Date(dueAt({ due: day(2026, 3, 29), dueTime: 150 })!).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 25 October has 25 hours; 23:59 is still that day.
    expect(new Date(dueAt({ due: day(2026, 10, 25), dueTime: 1439 })!).getDate()).toBe(25);
    expect(dueAt({ due: day(2026, 3, 28), dueTime: null })).toBeUndefined();
    expect(dueAt({ due: null, dueTime: 600 })).toBeUndefined();
  });

  it('stores the time with its day, drops a time given without a day, and refuses a time past 23:59', async () => {
    const { db } = freshClientDb();
    const { id: personId } = await createPerson(db, { name: 'Ana Lima' });
    const timed = await addTask(db, personId, 'Call back', day(2026, 3, 29), 9 * 60 + 30);
    expect(timed).toMatchObject({ due: day(2026, 3, 29), dueTime: 570 });
    expect((await db.outbox.toArray()).at(-1)?.set).toMatchObject({ dueTime: 570 });
    expect((await addTask(db, personId, 'Someday', undefined, 600)).dueTime).toBeUndefined();
    await expect(updateTask(db, timed.id, { dueTime: 1440 })).rejects.toThrow();
    expect((await updateTask(db, timed.id, { dueTime: null })).dueTime).toBeNull();
  });
});
