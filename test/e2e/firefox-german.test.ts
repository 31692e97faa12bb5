import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame } from 'puppeteer-core';
import { fixture } from './fixtures';
import { launchFirefox, openIn, panelFrame, shownName, welcomeTabsOf } from './firefox-driver';
import { poll } from '../support/poll';

/**
 * Issue #16's second language in Firefox ESR: with Debian's German language pack
 * (`firefox-esr-l10n-de`, which `.ci/run` installs) and German asked for, Clyde's pages and the
 * panel speak German and write dates the German way, as they do in Chromium (i18n.test.ts).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchFirefox({ 'intl.locale.requested': 'de' });
});
afterAll(() => browser?.close());

const textOf = (frame: Frame) => frame.evaluate(() => document.body.textContent ?? '');

describe('Firefox in German', () => {
  it('opens the welcome page in German on install', async () => {
    const welcome = await poll(async () => (await welcomeTabsOf(browser))[0], { timeout: 15_000, message: () => 'No welcome page.' });
    type Api = { i18n: { getUILanguage(): string } };
    expect(await welcome.evaluate(() => (globalThis as unknown as { browser: Api }).browser.i18n.getUILanguage())).toMatch(/^de/);
    await poll(async () => (await welcome.evaluate(() => document.body.innerText)).includes('Willkommen bei Clyde'), {
      timeout: 10_000,
      message: async () => `The welcome page says: ${(await welcome.evaluate(() => document.body.innerText)).slice(0, 200)}`,
    });
    await welcome.close();
  });

  it('shows the panel on Gmail in German, from a new person to a task with a German date', async () => {
    const page = await openIn(browser, fixture('gmail', 'thread-cc'));
    const panel = await panelFrame(page);
    await poll(async () => (await shownName(panel)) === 'Bruno Costa', { timeout: 15_000, message: () => 'No Bruno Costa in the panel.' });
    expect(await textOf(panel)).toContain('Neu bei Clyde. Was möchten Sie sich über Bruno Costa merken?');

    const first = (await panel.waitForSelector('[aria-label="Erste Notiz"]', { timeout: 10_000 }))!;
    await first.type('Auf der Messe getroffen');
    await first.press('Enter');
    await panel.waitForSelector('[data-testid=person]', { timeout: 10_000 });
    const fact = (await panel.waitForSelector('[aria-label="Etwas zum Merken hinzufügen"]'))!;
    await fact.type('Bestellung: Getreide in zwei Säcken');
    await fact.press('Enter');
    // Set as a user's pick sets it: through the input's own value setter, which React listens behind.
    await (await panel.waitForSelector('[aria-label="Fälligkeitsdatum"]'))!.evaluate((el) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '2031-01-15');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const task = (await panel.waitForSelector('[aria-label="Aufgabe hinzufügen"]'))!;
    await task.type('Neue Preisliste schicken');
    await task.press('Enter');

    await poll(async () => /Neue Preisliste schicken.*fällig 15\. Jan\. 2031/s.test(await textOf(panel)), {
      timeout: 10_000,
      message: async () => `The task reads: ${await panel.$eval('[data-testid=task]', (el) => el.textContent).catch(() => 'no task')}`,
    });
    const text = await textOf(panel);
    for (const german of ['Merken', 'Aufgaben', 'Verlauf']) expect(text).toContain(german);
    for (const english of ['Remember', 'Tasks', 'Timeline', 'Add a task', 'due Jan', 'No one here']) expect(text).not.toContain(english);
    await page.close();
  });
});
