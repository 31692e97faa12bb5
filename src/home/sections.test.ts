import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { addNote } from '../storage/records/notes';
import { addTask } from '../storage/records/tasks';
import { writeRecord } from '../storage/records/write';
import { recordOpened, setRhythm } from '../storage/summaries/personal';
import { addIdentity } from '../storage/records/identity';
import { addNeverLog } from '../storage/records/never-log';
import { atRisk, atRiskTotal, comingUp, reachOut, today, todayTotal } from './sections';

const at = (s: string) => new Date(s).getTime();

describe('home sections', () => {
  it('finds a complaint, a task due today, a silent person and a birthday', async () => {
    const { db } = freshClientDb();
    const now = new Date(2026, 11, 6, 9, 0);
    await writeRecord(db, 'people', 'ana', { name: 'Ana' }, { create: true });
    await writeRecord(db, 'people', 'bruno', { name: 'Bruno' }, { create: true });
    await addNote(db, 'ana', { body: 'late delivery', tag: 'complaint', occurredAt: at('2026-11-24T10:00') });
    await addTask(db, 'ana', 'send the quote', new Date(2026, 11, 6).getTime());
    await addNote(db, 'bruno', { body: 'call', occurredAt: at('2026-09-01T10:00') });
    await addNote(db, 'bruno', {
      body: 'birthday 10 December',
      tag: 'life-event',
      occurredAt: at('2026-09-01T10:00'),
      eventAt: new Date(2020, 11, 10).getTime(),
    });
    await setRhythm(db, 'bruno', 30);
    const viewer = { me: undefined };
    expect((await today(db, now)).entries.map((e) => e.tasks.map((t) => t.title))).toEqual([['send the quote']]);
    expect((await atRisk(db, now, viewer)).entries.map((e) => [e.person.name, e.reasons.map((r) => r.sentence)])).toEqual([
      ['Bruno', ['No contact for 3 months; usually every 4 weeks']],
      ['Ana', ['Complained 12 days ago: ‘late delivery’; nothing since']],
    ]);
    // Bruno's silence is past twice his rhythm: a risk, so he is not also listed to reach out.
    expect((await reachOut(db, now)).entries).toEqual([]);
    expect((await comingUp(db, now)).entries.map((e) => [e.person.name, new Date(e.day).getDate()])).toEqual([['Bruno', 10]]);
  });

  it('lists someone to reach out to once past their rhythm, until the silence becomes a risk', async () => {
    const { db } = freshClientDb();
    await writeRecord(db, 'people', 'carla', { name: 'Carla' }, { create: true });
    await addNote(db, 'carla', { body: 'call', occurredAt: at('2026-11-01T10:00') });
    await setRhythm(db, 'carla', 14);
    const reached = async (day: string) => (await reachOut(db, new Date(at(day)))).entries.map((e) => e.reasons.map((r) => r.sentence));
    expect(await reached('2026-11-14T10:00')).toEqual([]);
    expect(await reached('2026-11-20T10:00')).toEqual([['Last contact 3 weeks ago; you chose every 2 weeks']]);
    expect(await reached('2026-11-30T10:00')).toEqual([]);
    expect((await atRisk(db, new Date(at('2026-11-30T10:00')), { me: undefined })).entries.map((e) => e.person.name)).toEqual(['Carla']);
  });

  it('counts an opened email thread as contact: the rhythm starts again from that day', async () => {
    const { db } = freshClientDb();
    await writeRecord(db, 'people', 'duda', { name: 'Duda' }, { create: true });
    await addNote(db, 'duda', { body: 'call', occurredAt: at('2026-11-01T10:00') });
    await setRhythm(db, 'duda', 14);
    const now = new Date(at('2026-11-20T10:00'));
    expect((await reachOut(db, now)).entries.map((e) => e.person.name)).toEqual(['Duda']);
    await recordOpened(db, 'duda', at('2026-11-19T08:00'));
    expect((await reachOut(db, now)).entries).toEqual([]);
  });

  it('shows the first few of many and counts the rest, never counting a never-logged person', async () => {
    const { db } = freshClientDb();
    const now = new Date(2026, 11, 6, 9, 0);
    for (let i = 0; i < 30; i++) {
      await writeRecord(db, 'people', `p${i}`, { name: `P${i}` }, { create: true });
      await addIdentity(db, `p${i}`, 'email', i < 2 ? `p${i}@private.example` : `p${i}@shop.example`);
      await addNote(db, `p${i}`, { body: 'late delivery', tag: 'complaint', occurredAt: at('2026-11-24T10:00') - i * 60_000 });
    }
    await addNeverLog(db, 'private.example');
    const page = await atRisk(db, now, { me: undefined }, 5);
    // A full page leaves the total to its own count, read after the entries are on screen.
    expect(page.total).toBeUndefined();
    expect(await atRiskTotal(db, now)).toBe(28);
    expect(page.entries.map((e) => e.person.id)).toEqual(['p29', 'p28', 'p27', 'p26', 'p25']);
    const all = await atRisk(db, now, { me: undefined }, Infinity);
    expect(all.entries).toHaveLength(28);
    // One that ran out before its limit knows its total without counting.
    expect(all.total).toBe(28);
    expect((await today(db, now)).total).toBe(0);
    expect(await todayTotal(db, now)).toBe(0);
  });
});
