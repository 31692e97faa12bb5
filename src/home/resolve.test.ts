import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { addNote, timelineFor } from '../storage/records/notes';
import { addPreference } from '../storage/records/preferences';
import { addTask, openTasksFor } from '../storage/records/tasks';
import { writeRecord } from '../storage/records/write';
import { setRhythm } from '../storage/summaries/personal';
import { contextLine } from './context';
import { reachedOut, resolveReason } from './resolve';
import { atRisk, reachOut } from './sections';

const at = (s: string) => new Date(s).getTime();
const viewer = { me: undefined };

async function withAna() {
  const { db } = freshClientDb();
  await writeRecord(db, 'people', 'ana', { name: 'Ana' }, { create: true });
  return db;
}

describe('resolving a reason from Home', () => {
  it('closes a complaint with a note saying how', async () => {
    const db = await withAna();
    await addNote(db, 'ana', { body: 'late delivery', tag: 'complaint', occurredAt: at('2026-12-01T10:00') });
    const now = new Date(at('2026-12-06T09:00'));
    const [entry] = (await atRisk(db, now, viewer)).entries;
    await resolveReason(db, 'ana', entry!.reasons[0]!, ' refunded the delivery ', now);
    expect((await atRisk(db, now, viewer)).entries).toEqual([]);
    expect((await timelineFor(db, 'ana')).map((n) => [n.body, n.occurredAt])).toEqual([
      ['Resolved: refunded the delivery', now.getTime()],
      ['late delivery', at('2026-12-01T10:00')],
    ]);
  });

  it('keeps an overdue promise: the task is done and the timeline says how', async () => {
    const db = await withAna();
    await addTask(db, 'ana', 'send the quote', new Date(2026, 11, 1).getTime());
    const now = new Date(at('2026-12-06T09:00'));
    const [entry] = (await atRisk(db, now, viewer)).entries;
    expect(entry!.reasons.map((r) => r.kind)).toEqual(['promise']);
    await resolveReason(db, 'ana', entry!.reasons[0]!, 'sent it by post', now);
    expect(await openTasksFor(db, 'ana')).toEqual([]);
    expect((await timelineFor(db, 'ana'))[0]!.body).toBe('Kept the promise ‘send the quote’: sent it by post');
    expect((await atRisk(db, now, viewer)).entries).toEqual([]);
  });

  it('ends a silence, and takes them off "reach out", with the note that is the contact', async () => {
    const db = await withAna();
    await addNote(db, 'ana', { body: 'call', occurredAt: at('2026-10-01T10:00') });
    await setRhythm(db, 'ana', 14);
    const now = new Date(at('2026-12-06T09:00'));
    const [entry] = (await atRisk(db, now, viewer)).entries;
    await resolveReason(db, 'ana', entry!.reasons[0]!, '', now);
    expect((await timelineFor(db, 'ana'))[0]!.body).toBe('Reached out');
    expect((await atRisk(db, now, viewer)).entries).toEqual([]);

    // Past the rhythm again, but not yet twice past it: "Reached out" there does the same.
    const later = new Date(at('2026-12-24T09:00'));
    expect((await reachOut(db, later)).entries.map((e) => e.person.id)).toEqual(['ana']);
    await reachedOut(db, 'ana', 'wished a happy Christmas', later);
    expect((await reachOut(db, later)).entries).toEqual([]);
  });
});

describe('the context of a task on Home', () => {
  it('is the top of Remember (pinned, else newest fact), else the last note, else nothing', async () => {
    const db = await withAna();
    expect(await contextLine(db, 'ana')).toBeUndefined();
    await addNote(db, 'ana', { body: 'Asked for\nthe spring price list', occurredAt: at('2026-12-01T10:00') });
    await addNote(db, 'ana', { body: 'older', occurredAt: at('2026-11-01T10:00') });
    expect(await contextLine(db, 'ana')).toBe('Asked for the spring price list');
    await addPreference(db, 'ana', 'calls: after 4 pm');
    expect(await contextLine(db, 'ana')).toBe('calls: after 4 pm');
    await addPreference(db, 'ana', 'order: grain in two bags', true);
    expect(await contextLine(db, 'ana')).toBe('order: grain in two bags');
  });
});
