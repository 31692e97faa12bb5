import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';

let clyde: Clyde;
let worker: Worker;
beforeAll(async () => {
  clyde = await launchClyde();
  worker = clyde.context.serviceWorkers()[0]!;
});
afterAll(() => clyde?.close());

interface Created {
  id: string;
  options: { title: string; message: string; buttons?: { title: string }[] };
}

/**
 * Headless Chromium keeps no readable copy of a notification's text (`getAll` answers ids only)
 * and cannot click one. So the test records what the background passes to
 * `chrome.notifications.create` by wrapping it from outside, as a spy would, and reaches the
 * click and the snooze button through Chromium's own notification events, with the id a real
 * click carries. Not covered: the system drawing the notification and the user's click on it.
 */
async function recordNotifications(w: Worker): Promise<() => Promise<Created[]>> {
  await w.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { notifications: { create: (...a: unknown[]) => unknown } } }).chrome.notifications;
    const create = api.create.bind(api);
    const seen: unknown[] = [];
    (globalThis as unknown as { createdNotifications: unknown[] }).createdNotifications = seen;
    api.create = (...args: unknown[]) => (seen.push({ id: args[0], options: args[1] }), create(...args));
  });
  return () => w.evaluate(() => (globalThis as unknown as { createdNotifications: Created[] }).createdNotifications);
}

describe('reminders', () => {
  it('shows the day’s digest naming the person and their fact, opens them on Home from a click, and snoozes from the button', async () => {
    // Through the panel, as a user would: log the thread (Bruno becomes a person), then a
    // preference and a promise due today in the capture box.
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    await panel.getByRole('button', { name: /^Log this email/ }).click();
    const box = panel.getByLabel('Quick capture');
    await box.waitFor({ timeout: 10_000 });
    await box.fill('order: grain in two bags');
    await box.press('Alt+KeyP');
    await box.press('Enter');
    await panel.getByTestId('fact').filter({ hasText: 'order: grain in two bags' }).waitFor();
    await box.fill('Send the quote today');
    await box.press('Alt+KeyR');
    await box.press('Enter');
    await panel.getByTestId('task').filter({ hasText: 'Send the quote today' }).waitFor();

    // The digest's alarm, fired now: the same alarm and handler as at 08:30.
    const created = await recordNotifications(worker);
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): Promise<void> } } }).chrome.alarms.create(
        'clyde-reminders:digest',
        { when: Date.now() },
      ),
    );
    await expect.poll(async () => (await created()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const [digest] = await created();
    expect(digest!.id).toMatch(/^clyde-digest:.+/);
    expect(digest!.options).toMatchObject({
      title: '1 task today',
      message: 'Bruno Costa: Send the quote today — Remember: order: grain in two bags',
      buttons: [{ title: 'Snooze 1 hour' }],
    });
    const personId = digest!.id.slice('clyde-digest:'.length);

    // Chromium holds it (headless too) under that id.
    const ids = () =>
      worker.evaluate(async () =>
        Object.keys(
          await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll(),
        ),
      );
    await expect.poll(ids).toContain(digest!.id);

    // A click opens the person on Home in a new tab, and the notification goes.
    const opened = clyde.context.waitForEvent('page', { timeout: 10_000 });
    await worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { notifications: { onClicked: { dispatch(id: string): void } } } }
        ).chrome.notifications.onClicked.dispatch(id),
      digest!.id,
    );
    const home = await opened;
    await home.waitForURL(`chrome-extension://${clyde.extensionId}/home.html#/person/${encodeURIComponent(personId)}`);
    await home.getByTestId('home-person-page').getByTestId('fact').filter({ hasText: 'order: grain in two bags' }).waitFor();
    expect(await home.getByTestId('home-person-page').getAttribute('aria-label')).toBe('Bruno Costa');
    await expect.poll(ids).not.toContain(digest!.id);
    await home.close();

    // "Snooze 1 hour" (Chrome's button 0) leaves an alarm for an hour later, which shows it again.
    await worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { notifications: { onButtonClicked: { dispatch(id: string, button: number): void } } } }
        ).chrome.notifications.onButtonClicked.dispatch(id, 0),
      digest!.id,
    );
    const snooze = () =>
      worker.evaluate(
        (name) =>
          (
            globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } }
          ).chrome.alarms.get(name),
        `clyde-reminders:snooze:${digest!.id}`,
      );
    await expect.poll(async () => (await snooze())?.scheduledTime ?? 0).toBeGreaterThan(Date.now() + 59 * 60_000);
    await worker.evaluate(
      (name) =>
        (globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): Promise<void> } } }).chrome.alarms.create(name, {
          when: Date.now(),
        }),
      `clyde-reminders:snooze:${digest!.id}`,
    );
    await expect.poll(async () => (await created()).length, { timeout: 10_000 }).toBe(2);
    expect((await created())[1]).toEqual(digest);
    await page.close();
  });
});
