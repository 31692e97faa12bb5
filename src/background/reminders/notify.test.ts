import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { inTimeZone } from '../../../test/support/time-zone';
import { REMINDERS_KEY } from '../../settings/reminders';
import type { ClydeDB } from '../../storage/db';
import { createPerson } from '../../storage/records/people';
import { addPreference } from '../../storage/records/preferences';
import { addTask, setTaskDone, updateTask } from '../../storage/records/tasks';
import { startReminders } from './notify';

/** The few extension APIs the reminders use, in memory: alarms, notifications, tabs, storage.local. */
const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  const event = () => {
    const listeners = new Set<Listener>();
    return {
      addListener: (l: Listener) => void listeners.add(l),
      fire: (...args: unknown[]) => listeners.forEach((l) => l(...(args as never[]))),
    };
  };
  const make = () => {
    const local = new Map<string, unknown>();
    const alarms = new Map<string, number>();
    const shown = new Map<string, { title: string; message: string; buttons?: { title: string }[] }>();
    const tabs: string[] = [];
    const onChanged = event();
    const browser = {
      runtime: { getURL: (path: string) => `chrome-extension://clyde/${path.replace(/^\//, '')}` },
      storage: {
        local: {
          get: async (keys: string[]) =>
            Object.fromEntries(keys.filter((k) => local.has(k)).map((k) => [k, structuredClone(local.get(k))])),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
            onChanged.fire(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
          },
          onChanged,
        },
      },
      alarms: {
        create: async (name: string, info: { when: number }) => void alarms.set(name, info.when),
        clear: async (name: string) => alarms.delete(name),
        onAlarm: event(),
      },
      notifications: {
        create: async (id: string, options: { title: string; message: string }) => (shown.set(id, options), id),
        clear: async (id: string) => shown.delete(id),
        getAll: async () => Object.fromEntries([...shown.keys()].map((id) => [id, true])),
        onClicked: event(),
        onButtonClicked: event(),
      },
      tabs: { create: async ({ url }: { url: string }) => void tabs.push(url) },
    };
    return { local, alarms, shown, tabs, browser };
  };
  return { make, current: make() };
});
vi.mock('wxt/browser', () => ({
  // Read through on every use, so each test's fresh fake is the one the module sees.
  browser: new Proxy({}, { get: (_, key: string) => fake.current.browser[key as keyof typeof fake.current.browser] }),
}));

describe('reminders in the background (Europe/Berlin)', () => {
  inTimeZone('Europe/Berlin');
  let db: ClydeDB;
  let b: ReturnType<typeof fake.make>;
  let bruno: string;
  const at = (h: number, m = 0, d = 7) => new Date(2026, 11, d, h, m).getTime(); // Monday 7 December 2026
  const fire = (name: string) => b.browser.alarms.onAlarm.fire({ name });
  // vi.waitFor moves fake clocks on by its polling interval; at 0 the time stays where a test put it.
  const until = (check: () => void) => vi.waitFor(check, { interval: 0, timeout: 5_000 });
  let n = 0;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(7));
    b = fake.current = fake.make();
    // A database name of its own: Dexie tells live queries of every open database with the same
    // name about a write, and an earlier test's reminders would wake up to it.
    ({ db } = freshClientDb(`clyde-reminders-${n++}`));
    bruno = (await createPerson(db, { name: 'Bruno Costa' })).id;
    await addPreference(db, bruno, 'order: grain in two bags', true);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('plans the digest for 08:30 and shows it once, with the person and their fact; a restarted worker does not show it again', async () => {
    await addTask(db, bruno, 'Send the quote', at(0));
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:digest')).toBe(at(8, 30)));

    vi.setSystemTime(at(8, 30));
    fire('clyde-reminders:digest');
    await until(() => expect(b.alarms.get('clyde-reminders:digest')).toBe(at(8, 30, 8)));
    expect([...b.shown]).toEqual([
      [
        `clyde-digest:${bruno}`,
        expect.objectContaining({
          title: '1 task today',
          message: 'Bruno Costa: Send the quote — Remember: order: grain in two bags',
          buttons: [{ title: 'Snooze 1 hour' }],
        }),
      ],
    ]);

    b.shown.clear();
    b.alarms.clear();
    vi.setSystemTime(at(9));
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:digest')).toBe(at(8, 30, 8)));
    expect(b.shown.size).toBe(0);
  });

  it('catches up on a digest missed while the browser was closed, and shows nothing on a day with nothing', async () => {
    vi.setSystemTime(at(11));
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:digest')).toBe(at(11)));
    fire('clyde-reminders:digest');
    await until(() => expect(b.alarms.get('clyde-reminders:digest')).toBe(at(8, 30, 8)));
    expect(b.shown.size).toBe(0);
  });

  it('reminds at a due time once, then looks again at midnight', async () => {
    const task = await addTask(db, bruno, 'Call back', at(0), 15 * 60);
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(15)));
    vi.setSystemTime(at(15));
    fire('clyde-reminders:due');
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(0, 0, 8)));
    expect(b.shown.get(`clyde-due:${task.id}`)).toMatchObject({
      title: 'Call back',
      message: 'Bruno Costa · due at 15:00\nRemember: order: grain in two bags',
    });
    b.shown.clear();
    vi.setSystemTime(at(15, 5));
    fire('clyde-reminders:due');
    await until(() => expect(b.local.get('reminders:shown')).toMatchObject({ dueUpTo: at(15, 5) }));
    expect(b.shown.size).toBe(0);
  });

  it('moves the due alarm when a task gets a time, another time or is done while the worker is awake', async () => {
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(0, 0, 8)));
    const task = await addTask(db, bruno, 'Call back', at(0), 10 * 60);
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(10)));
    await updateTask(db, task.id, { dueTime: 9 * 60 });
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(9)));
    await setTaskDone(db, task.id, true);
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(0, 0, 8)));
  });

  it('snoozes for an hour from the button, and a task done meanwhile stays away', async () => {
    const task = await addTask(db, bruno, 'Call back', at(0), 7 * 60 + 30);
    startReminders(db);
    await until(() => expect(b.alarms.get('clyde-reminders:due')).toBe(at(7, 30)));
    vi.setSystemTime(at(7, 30));
    fire('clyde-reminders:due');
    const id = `clyde-due:${task.id}`;
    await until(() => expect(b.shown.has(id)).toBe(true));

    b.browser.notifications.onButtonClicked.fire(id, 0);
    await until(() => expect(b.alarms.get(`clyde-reminders:snooze:${id}`)).toBe(at(8, 30)));
    expect(b.shown.has(id)).toBe(false);
    vi.setSystemTime(at(8, 30));
    fire(`clyde-reminders:snooze:${id}`);
    await until(() => expect(b.shown.get(id)?.title).toBe('Call back'));

    b.browser.notifications.onButtonClicked.fire(id, 0);
    await until(() => expect(b.shown.has(id)).toBe(false));
    await setTaskDone(db, task.id, true);
    vi.setSystemTime(at(9, 30));
    fire(`clyde-reminders:snooze:${id}`);
    // Handlers run one at a time: once the digest that follows is done, so is the snooze.
    fire('clyde-reminders:digest');
    await until(() => expect(b.local.get('reminders:shown')).toMatchObject({ digestDay: '2026-12-07' }));
    expect(b.shown.has(id)).toBe(false);
  });

  it('opens the person on Home from a click (at the task, for a due time), or Home when it is about several people', async () => {
    const task = await addTask(db, bruno, 'Call back', at(0), 15 * 60);
    startReminders(db);
    const click = b.browser.notifications.onClicked.fire;
    click(`clyde-digest:${bruno}`);
    click('clyde-digest:');
    click(`clyde-due:${task.id}`);
    click('someone-else');
    await until(() => expect(b.tabs).toHaveLength(3));
    expect(b.tabs).toEqual([
      `chrome-extension://clyde/home.html#/person/${bruno}`,
      'chrome-extension://clyde/home.html',
      `chrome-extension://clyde/home.html#/person/${bruno}?task=${task.id}`,
    ]);
  });

  it('follows the settings: off clears the alarms, a new time moves the digest', async () => {
    startReminders(db);
    await until(() => expect(b.alarms.size).toBe(2));
    await b.browser.storage.local.set({ [REMINDERS_KEY]: { digest: true, digestAt: 9 * 60, dueTimes: false } });
    await until(() => expect([...b.alarms]).toEqual([['clyde-reminders:digest', at(9)]]));
    await b.browser.storage.local.set({ [REMINDERS_KEY]: { digest: false, digestAt: 9 * 60, dueTimes: false } });
    await until(() => expect(b.alarms.size).toBe(0));
  });

  it('offers no snooze in Firefox, which refuses notification buttons', async () => {
    vi.stubEnv('FIREFOX', true as never);
    await addTask(db, bruno, 'Send the quote', at(0));
    startReminders(db);
    fire('clyde-reminders:digest');
    await until(() => expect(b.shown.size).toBe(1));
    expect([...b.shown.values()][0]).not.toHaveProperty('buttons');
  });
});
