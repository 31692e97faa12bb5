import { beforeEach, describe, expect, it } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { inTimeZone } from '../../../test/support/time-zone';
import type { ClydeDB } from '../../storage/db';
import { addIdentity } from '../../storage/records/identity';
import { addNeverLog } from '../../storage/records/never-log';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { addPreference } from '../../storage/records/preferences';
import { addTask, setTaskDone } from '../../storage/records/tasks';
import { dueReminder, gatherDigest, timedTasks } from './gather';
import { dueNow } from './schedule';

describe('what the reminders read', () => {
  inTimeZone('Europe/Berlin');
  let db: ClydeDB;
  let now: Date;
  let today: number;
  let bruno: string;
  beforeEach(async () => {
    ({ db } = freshClientDb());
    now = new Date(2026, 11, 7, 8, 30); // Monday
    today = new Date(2026, 11, 7).getTime();
    bruno = (await createPerson(db, { name: 'Bruno Costa' })).id;
    await addIdentity(db, bruno, 'email', 'bruno@example.org');
  });

  it('brings up the pinned fact before newer ones, and opens the one person', async () => {
    await addTask(db, bruno, 'Send the quote', today);
    await addPreference(db, bruno, 'order: grain in two bags', true);
    await addPreference(db, bruno, 'prefers calls after 4pm');
    expect(await gatherDigest(db, now)).toEqual({
      title: '1 task today',
      message: 'Bruno Costa: Send the quote — Remember: order: grain in two bags',
      personId: bruno,
    });
  });

  it('brings up the last note when there is no fact, and names a nameless person by address', async () => {
    const nameless = (await createPerson(db)).id;
    await addIdentity(db, nameless, 'email', 'Ana@Example.com');
    await addTask(db, nameless, 'Call back', today, 15 * 60);
    await addNote(db, nameless, { body: 'Asked about the spring catalogue', occurredAt: new Date(2026, 11, 4).getTime() });
    const [timed] = await timedTasks(db, now);
    expect(await dueReminder(db, timed!, now)).toEqual({
      title: 'Call back',
      message: 'Ana@Example.com · due at 15:00\nLast note 3 days ago: ‘Asked about the spring catalogue’',
      personId: nameless,
    });
  });

  it('finds the open tasks due today at a time, at their local moment, and no done or undated ones', async () => {
    const call = await addTask(db, bruno, 'Call back', today, 15 * 60);
    await addTask(db, bruno, 'Send the quote', today);
    await setTaskDone(db, (await addTask(db, bruno, 'Done already', today, 9 * 60)).id, true);
    expect((await timedTasks(db, now)).map((t) => [t.taskId, new Date(t.at).getHours()])).toEqual([[call.id, 15]]);
  });

  it('counts every task of the day, not only the people on the first page of Home', async () => {
    for (let i = 0; i < 29; i++) await addTask(db, (await createPerson(db, { name: `Customer ${i}` })).id, `Task ${i}`, today);
    await addTask(db, bruno, 'Send the quote', today);
    const digest = await gatherDigest(db, now);
    expect(digest?.title).toBe('30 tasks today');
    expect(digest?.message.split('\n').at(-1)).toBe('and 27 more people on Home');
  });

  it('says nothing when there is nothing', async () => {
    await addTask(db, bruno, 'Next week', new Date(2026, 11, 14).getTime(), 600);
    expect(await gatherDigest(db, now)).toBeUndefined();
    expect(await timedTasks(db, now)).toEqual([]);
  });

  it('never names a person on the never-log list, by address or by domain, in a digest or at a due time', async () => {
    await addTask(db, bruno, 'Send the quote', today, 9 * 60);
    await addPreference(db, bruno, 'order: grain in two bags', true);
    await addNote(db, bruno, { body: 'birthday', tag: 'life-event', eventAt: new Date(1990, 11, 9).getTime() });
    const ana = (await createPerson(db, { name: 'Ana Lima' })).id;
    await addIdentity(db, ana, 'email', 'ana@colleague.example');
    await addTask(db, ana, 'Lunch', today, 12 * 60);
    expect((await gatherDigest(db, now))?.title).toBe("2 tasks today · Bruno's birthday Wednesday");

    await addNeverLog(db, 'bruno@example.org');
    await addNeverLog(db, 'colleague.example');
    expect(await gatherDigest(db, now)).toBeUndefined();
    const timed = await timedTasks(db, now);
    expect(dueNow(timed, 0, new Date(2026, 11, 7, 23).getTime())).toEqual([]);
  });
});
