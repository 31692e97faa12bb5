import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { readReminders, REMINDERS_KEY } from '../../settings/reminders';
import { db as sharedDb, type ClydeDB } from '../../storage/db';
import { LOCAL, readStored, type StoredValue } from '../../storage/keys';
import { tableParts } from '../../storage/held-changes';
import type { NotificationText } from './digest-text';
import { dueReminder, gatherDigest, timedTasks, type TimedTask } from './gather';
import { dueNow, localDay, nextDigestAt, nextDueCheck, SNOOZE_MS } from './schedule';
import { t } from '../../i18n';

/**
 * The reminders in the background: alarms say when (schedule.ts), notifications show what
 * (gather.ts), a click opens the person on Home, and Chrome's "Snooze 1 hour" button brings the
 * notification back through another alarm. Everything stays on this device: notifications are
 * the browser's own, and nothing is sent anywhere. The service worker keeps nothing in memory
 * between wake-ups: alarms persist, what was shown is in `storage.local`, and a notification's
 * id says what it is about, so a click or a snooze reaching a restarted worker still knows.
 */

const DIGEST_ALARM = 'clyde-reminders:digest';
const DUE_ALARM = 'clyde-reminders:due';
const SNOOZE_ALARM = 'clyde-reminders:snooze:'; // + the notification's id
const DIGEST_ID = 'clyde-digest:'; // + the one person it is about, or nothing for several (Home)
const DUE_ID = 'clyde-due:'; // + the task's id
const SHOWN = LOCAL.remindersShown;
type Shown = NonNullable<StoredValue<typeof SHOWN.schema>>;

/**
 * Home, or one person on it, at the task a reminder was about: Home's own routes
 * (ui/home/route.ts), which the background builds as text rather than importing the UI.
 */
function homeUrl(personId?: string, taskId?: string): string {
  const home = browser.runtime.getURL('/home.html');
  if (!personId) return home;
  return `${home}#/person/${encodeURIComponent(personId)}${taskId ? `?${new URLSearchParams({ task: taskId })}` : ''}`;
}

async function state() {
  const items = await browser.storage.local.get([REMINDERS_KEY, SHOWN.name]);
  return { settings: readReminders(items[REMINDERS_KEY]), shown: readStored(SHOWN.schema, items[SHOWN.name]) ?? {} };
}

async function markShown(change: Shown): Promise<void> {
  const { shown } = await state();
  await browser.storage.local.set({ [SHOWN.name]: { ...shown, ...change } });
}

/**
 * Chrome only. Firefox draws no buttons on notifications and refuses `buttons` outright ("Property
 * "buttons" is unsupported by Firefox", Firefox 153), though it has an `onButtonClicked` event, so
 * the build says which browser this is rather than the API's shape.
 */
const canSnooze = () => !import.meta.env.FIREFOX && browser.notifications.onButtonClicked !== undefined;

function show(id: string, text: NotificationText) {
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/reminder-icon.png'),
    title: text.title,
    message: text.message,
    ...(canSnooze() && { buttons: [{ title: t('reminders.snooze') }] }),
  });
}

/** A digest replaces the one before: yesterday's, unread, no longer says what the day holds. */
async function showDigest(text: NotificationText | undefined): Promise<void> {
  const open = Object.keys(await browser.notifications.getAll()).filter((id) => id.startsWith(DIGEST_ID));
  await Promise.all(open.map((id) => browser.notifications.clear(id)));
  if (text) await show(DIGEST_ID + (text.personId ?? ''), text);
}

export function startReminders(db: ClydeDB = sharedDb): void {
  async function planDigest(): Promise<void> {
    const { settings, shown } = await state();
    if (!settings.digest) return void (await browser.alarms.clear(DIGEST_ALARM));
    await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(Date.now(), settings.digestAt, shown.digestDay) });
  }

  async function planDue(known?: TimedTask[]): Promise<void> {
    const { settings, shown } = await state();
    if (!settings.dueTimes) {
      // Turned on again later, it starts from then rather than bringing up every time it skipped.
      if (shown.dueUpTo !== undefined) await markShown({ dueUpTo: undefined });
      return void (await browser.alarms.clear(DUE_ALARM));
    }
    const now = Date.now();
    const doneUpTo = shown.dueUpTo ?? now;
    if (shown.dueUpTo === undefined) await markShown({ dueUpTo: now });
    const tasks = known ?? (await timedTasks(db, new Date(now)));
    await browser.alarms.create(DUE_ALARM, { when: nextDueCheck(tasks, doneUpTo, now) });
  }

  async function digestNow(): Promise<void> {
    const now = new Date();
    if ((await state()).settings.digest) await showDigest(await gatherDigest(db, now));
    await markShown({ digestDay: localDay(now.getTime()) });
    await planDigest();
  }

  async function dueTimesNow(): Promise<void> {
    const { settings, shown } = await state();
    const now = new Date();
    const tasks = await timedTasks(db, now);
    if (settings.dueTimes && shown.dueUpTo !== undefined) {
      for (const t of dueNow(tasks, shown.dueUpTo, now.getTime())) await show(DUE_ID + t.taskId, await dueReminder(db, t, now));
    }
    await markShown({ dueUpTo: now.getTime() });
    await planDue(tasks);
  }

  /** A snoozed notification, as it would read now: a task done meanwhile, or a digest with nothing left, stays away. */
  async function again(id: string): Promise<void> {
    const { settings } = await state();
    const now = new Date();
    if (id.startsWith(DIGEST_ID) && settings.digest) await showDigest(await gatherDigest(db, now));
    if (id.startsWith(DUE_ID) && settings.dueTimes) {
      const task = (await timedTasks(db, now)).find((t) => DUE_ID + t.taskId === id);
      if (task) await show(id, await dueReminder(db, task, now));
    }
  }

  async function open(id: string): Promise<void> {
    let url: string;
    if (id.startsWith(DIGEST_ID)) url = homeUrl(id.slice(DIGEST_ID.length) || undefined);
    else if (id.startsWith(DUE_ID)) {
      const task = await db.tasks.get(id.slice(DUE_ID.length));
      url = homeUrl(task?.personId, task?.id);
    } else return;
    await browser.notifications.clear(id);
    await browser.tabs.create({ url });
  }

  async function snooze(id: string, button: number): Promise<void> {
    if (button !== 0 || !(id.startsWith(DIGEST_ID) || id.startsWith(DUE_ID))) return;
    await browser.notifications.clear(id);
    await browser.alarms.create(SNOOZE_ALARM + id, { when: Date.now() + SNOOZE_MS });
  }

  // One thing at a time: the handlers read and write `shown` and the alarms, and two at once
  // (a due time and the digest, both at 08:30) would each write over what the other wrote.
  let queue = Promise.resolve();
  const serial = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((err: unknown) => console.warn('Clyde reminders:', err));
    return queue;
  };
  const plan = () => Promise.all([planDigest(), planDue()]).then(() => undefined);

  // Listeners first and synchronously: an alarm or a click is what wakes this worker.
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === DIGEST_ALARM) void serial(digestNow);
    else if (name === DUE_ALARM) void serial(dueTimesNow);
    else if (name.startsWith(SNOOZE_ALARM)) void serial(() => again(name.slice(SNOOZE_ALARM.length)));
  });
  browser.notifications.onClicked.addListener((id) => void serial(() => open(id)));
  browser.notifications.onButtonClicked?.addListener((id, button) => void serial(() => snooze(id, button)));
  browser.storage.local.onChanged.addListener((changes) => REMINDERS_KEY in changes && void serial(plan));
  // Each start of the worker (install, browser start, any wake-up) plans again: browsers may drop
  // alarms on restart, and a digest or due time missed while closed is shown now, once.
  void serial(plan);
  // A task given a time (or done, or moved) while the worker is awake moves the next due alarm;
  // one written while it sleeps is seen at its next start, which the sync alarm brings every minute.
  // Dexie's own commit event says which tables a write touched, from any page, without a read: a
  // live query over the task keys read them all again after every write, every second of a
  // team catch-up. One plan waiting in the queue is enough for any number of writes.
  const tasks = tableParts(db.name, 'tasks');
  let dueQueued = false;
  Dexie.on('storagemutated', (parts) => {
    if (dueQueued || !Object.keys(parts).some((part) => part.startsWith(tasks))) return;
    dueQueued = true;
    void serial(() => ((dueQueued = false), planDue()));
  });
}
