import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../storage/db';
import { freshClientDb } from '../../test/support/db';
import { timelineFor } from '../storage/records/notes';
import { createPerson } from '../storage/records/people';
import { rememberFor } from '../storage/records/preferences';
import { TAGS } from '../storage/schema';
import { openTasksFor } from '../storage/records/tasks';
import { capture } from './capture';
import { planCapture } from './plan';

// Monday 23 November 2026, 13:00 local time: every relative date below is read from here.
const now = new Date(2026, 10, 23, 13, 0);
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

let db: ClydeDB;
let personId: string;
beforeEach(async () => {
  db = freshClientDb().db;
  personId = (await createPerson(db, { name: 'Ana Lima' })).id;
});

const counts = async () => ({
  notes: await db.notes.count(),
  facts: await db.preferences.count(),
  tasks: await db.tasks.count(),
  ops: await db.outbox.count(),
});

describe('what a tag turns the text into', () => {
  it('keeps untagged and plainly tagged text as a note with its tag', async () => {
    await capture(db, personId, { text: '  Asked about the spring catalogue  ' }, now);
    await capture(db, personId, { text: 'Wants a second delivery slot on Fridays', tag: 'want' }, now);
    await capture(db, personId, { text: 'Late delivery again', tag: 'complaint' }, now);
    const notes = await timelineFor(db, personId);
    // All three share one moment, so compare them in a fixed order.
    expect(notes.map((n) => [n.body, n.kind, n.tag, n.eventAt]).sort()).toEqual([
      ['Asked about the spring catalogue', 'note', undefined, undefined],
      ['Late delivery again', 'note', 'complaint', undefined],
      ['Wants a second delivery slot on Fridays', 'note', 'want', undefined],
    ]);
    // A weekday in an ordinary note is just a word: no date is read into it.
    expect(planCapture({ text: 'Called on friday', tag: 'need' }, now)).toEqual({
      to: 'note',
      body: 'Called on friday',
      tag: 'need',
      date: undefined,
    });
  });

  it('sends a preference to the Remember list, split at "key: value" or whole', async () => {
    const first = await capture(db, personId, { text: 'order: grain in two bags', tag: 'preference' }, now);
    expect(first.plan).toMatchObject({ to: 'preference', key: 'order', value: 'grain in two bags' });
    await capture(db, personId, { text: 'prefers calls after 4pm', tag: 'preference' }, now);
    expect((await rememberFor(db, personId)).map((f) => [f.key, f.value]).sort()).toEqual([
      ['', 'prefers calls after 4pm'],
      ['order', 'grain in two bags'],
    ]);
    expect(await db.notes.count()).toBe(0);
  });

  it('turns a promise into an open task, due on the day it names', async () => {
    await capture(db, personId, { text: 'Send the new price list next thursday', tag: 'promise' }, now);
    await capture(db, personId, { text: 'Visit the farm in 2 weeks', tag: 'promise' }, now);
    await capture(db, personId, { text: 'Call back about the invoice', tag: 'promise' }, now);
    expect((await openTasksFor(db, personId)).map((t) => [t.title, t.due])).toEqual([
      ['Send the new price list next thursday', day(2026, 12, 3)],
      ['Visit the farm in 2 weeks', day(2026, 12, 7)],
      ['Call back about the invoice', undefined],
    ]);
  });

  it('keeps the time a promise names, so it can remind then; a day alone keeps no time', async () => {
    const { record } = await capture(db, personId, { text: 'Call back tomorrow at 3pm', tag: 'promise' }, now);
    expect(record).toMatchObject({ due: day(2026, 11, 24), dueTime: 15 * 60 });
    expect(planCapture({ text: 'Send the samples friday 9:30', tag: 'promise' }, now)).toMatchObject({
      date: { day: day(2026, 11, 27), minutes: 9 * 60 + 30 },
    });
    // chrono reads "next thursday" as noon; noon is its guess, not the user's time.
    expect((await capture(db, personId, { text: 'Quote next thursday', tag: 'promise' }, now)).record).not.toHaveProperty('dueTime');
  });

  it('stores a life event with its date, reading ambiguous days forward and 3/4 by locale', async () => {
    const { record } = await capture(db, personId, { text: 'Daughter’s exam 15 Jan', tag: 'life-event' }, now);
    expect(record).toMatchObject({ kind: 'note', tag: 'life-event', eventAt: day(2027, 1, 15) });
    expect(planCapture({ text: 'Flies to Lisbon on 3/4', tag: 'life-event' }, now)).toMatchObject({
      date: { day: day(2027, 3, 4), text: '3/4' },
    });
    expect(planCapture({ text: 'Flies to Lisbon on 3/4', tag: 'life-event' }, now, { dayFirst: true })).toMatchObject({
      date: { day: day(2027, 4, 3) },
    });
  });

  it('writes each capture as one record and one outbox op, together', async () => {
    for (const [i, tag] of [undefined, ...TAGS].entries()) {
      await capture(db, personId, { text: `item ${i} tomorrow`, tag }, now);
    }
    expect(await counts()).toMatchObject({ notes: 6, facts: 1, tasks: 1, ops: 1 + 8 });
  });
});

describe('bad input: a clear error and nothing written', () => {
  it('refuses empty text', async () => {
    const before = await counts();
    for (const text of ['', '   ', '\n\t']) {
      await expect(capture(db, personId, { text, tag: 'want' }, now)).rejects.toThrow('Write something first; nothing was saved.');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a life event without a date, and absurd dates anywhere', async () => {
    const before = await counts();
    await expect(capture(db, personId, { text: 'Moving house', tag: 'life-event' }, now)).rejects.toThrow('When is it?');
    await expect(capture(db, personId, { text: 'Retires in 1000 years', tag: 'life-event' }, now)).rejects.toThrow(
      '“in 1000 years” reads as the year 3026; write a date between 1900 and 2076.',
    );
    await expect(capture(db, personId, { text: 'Pay back on 1 Jan 1234', tag: 'promise' }, now)).rejects.toThrow('reads as the year 1234');
    expect(await counts()).toEqual(before);
    // A day that does not exist is not read as a date at all, so a promise keeps no due date.
    expect(planCapture({ text: 'Ship on 31 February 2027', tag: 'promise' }, now)).toMatchObject({ to: 'task', date: undefined });
  });

  it('stores 20,000 characters as a note and refuses more, or a 20k preference or promise', async () => {
    const long = 'a'.repeat(20_000);
    expect((await capture(db, personId, { text: long }, now)).record).toMatchObject({ body: long });
    const before = await counts();
    await expect(capture(db, personId, { text: `${long}b` }, now)).rejects.toThrow(
      'A note holds at most 20,000 characters and this is 20,001. Nothing was saved',
    );
    await expect(capture(db, personId, { text: long, tag: 'preference' }, now)).rejects.toThrow(
      'Something to remember holds at most 2,000 characters and this is 20,000.',
    );
    await expect(capture(db, personId, { text: long, tag: 'promise' }, now)).rejects.toThrow('A promise holds at most 1,000 characters');
    expect(await counts()).toEqual(before);
  });

  it('never writes half a capture and never throws anything but a readable error (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom(undefined, ...TAGS), async (text, tag) => {
        const before = await counts();
        try {
          await capture(db, personId, { text, tag }, now);
          const after = await counts();
          expect(after.ops - before.ops).toBe(1);
          expect(after.notes + after.facts + after.tasks - (before.notes + before.facts + before.tasks)).toBe(1);
        } catch (e) {
          expect((e as Error).name).toMatch(/^(CaptureError|DateError)$/);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
