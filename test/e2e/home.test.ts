import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { dateInput, focusedItem, homeSection, openHome } from './home';
import { openMail, shownName, type } from './panel';
import { addPerson, emptySeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const thread = fixture('gmail', 'thread-cc');
const DAY = 86_400_000;

/** Shows `name` in the panel (by their chip) and makes them a person with a first note. */
async function meet(panel: Frame, name: string): Promise<void> {
  await panel.getByRole('navigation', { name: 'People in this conversation' }).getByRole('button', { name }).click();
  await expect.poll(() => shownName(panel)).toBe(name);
  await type(panel, 'First note', 'Met at the spring fair');
  await panel.getByLabel('Quick capture').waitFor();
}

async function capture(panel: Frame, text: string, tagKey: string): Promise<void> {
  const box = panel.getByLabel('Quick capture');
  await box.fill(text);
  await box.press(tagKey);
  await box.press('Enter');
  await expect.poll(() => box.inputValue()).toBe('');
}

describe('Home', () => {
  it('lists a complaint captured in the Gmail panel under At risk with its sentence; resolving it by keyboard writes how on the timeline', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    await meet(panel, 'Bruno Costa');
    await capture(panel, 'The last delivery came in one 50 kg bag', 'Alt+KeyC');

    const home = await openHome(clyde);
    const risk = homeSection(home, 'at-risk');
    const sentence = 'Complained today: ‘The last delivery came in one 50 kg bag’; nothing since';
    await risk.getByTestId('home-reason').filter({ hasText: sentence }).waitFor();
    expect(await risk.getByTestId('home-person').textContent()).toBe('Bruno Costa');

    // The sentence leads to its evidence: Enter opens Bruno's page at the complaint; Escape comes back to the item.
    await home.keyboard.press('j');
    expect(await focusedItem(home).textContent()).toContain(sentence);
    await home.keyboard.press('Enter');
    const evidence = home.locator('[data-testid=home-person-page] [data-evidence]:focus');
    await evidence.waitFor();
    expect(await evidence.textContent()).toContain('The last delivery came in one 50 kg bag');
    await home.keyboard.press('Escape');
    await home.getByTestId('home-person-page').waitFor({ state: 'detached' });
    await expect.poll(() => focusedItem(home).textContent()).toContain(sentence);

    await home.keyboard.press('r');
    await home.getByLabel('How was it resolved?').fill('refunded the delivery');
    await home.keyboard.press('Enter');
    await risk.getByTestId('home-empty').waitFor();
    await panel.getByTestId('note').filter({ hasText: 'Resolved: refunded the delivery' }).waitFor();
    await home.close();
    await mail.close();
  });

  it('files a compliment with its one key (Alt+M) and lists them among the best customers, and why', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    await meet(panel, 'Ana Lima');
    expect(await panel.getByRole('button', { name: /^compliment/ }).getAttribute('title')).toBe('Tag as compliment (Alt+M)');
    await capture(panel, 'Loved the two-bag delivery', 'Alt+KeyM');
    await panel.getByTestId('note').filter({ hasText: 'compliment' }).filter({ hasText: 'Loved the two-bag delivery' }).waitFor();

    const home = await openHome(clyde);
    const best = homeSection(home, 'best');
    await best.getByTestId('home-reason').filter({ hasText: 'Praised today: ‘Loved the two-bag delivery’' }).waitFor();
    await best.locator('[data-row]').focus();
    await home.keyboard.press('s');
    await best.getByTestId('home-reason').filter({ hasText: 'You starred them as a key relationship' }).waitFor();
    // The panel's card shows the same star.
    await expect.poll(() => panel.getByTestId('star').getAttribute('aria-pressed')).toBe('true');
    await home.close();
    await mail.close();
  });

  it('lists a task due today under Today with its context, and marks it done by keyboard', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    await panel.getByLabel('Due date').fill(dateInput());
    await type(panel, 'Add a task', 'Send the new price list');
    await panel.getByTestId('task').filter({ hasText: 'Send the new price list' }).waitFor();

    const home = await openHome(clyde);
    const today = homeSection(home, 'today');
    await today.getByTestId('home-task').filter({ hasText: 'Send the new price list' }).filter({ hasText: 'due today' }).waitFor();
    expect(await today.getByTestId('home-context').textContent()).toBe('Resolved: refunded the delivery');

    await home.keyboard.press('j');
    expect(await focusedItem(home).textContent()).toContain('Send the new price list');
    await home.keyboard.press('x');
    await today.getByTestId('home-empty').waitFor();
    await panel.getByTestId('task').filter({ hasText: 'Send the new price list' }).waitFor({ state: 'detached' });
    await home.close();
    await mail.close();
  });

  it('opens from the panel’s header, the settings page and its browser shortcut', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    const fromPanel = clyde.context.waitForEvent('page');
    await panel.getByRole('link', { name: 'Home' }).click();
    const tab = await fromPanel;
    await tab.waitForURL(`chrome-extension://${clyde.extensionId}/home.html`);
    await tab.close();

    const settings = await clyde.context.newPage();
    await settings.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const fromSettings = clyde.context.waitForEvent('page');
    await settings.getByRole('link', { name: 'Open Home' }).click();
    await (await fromSettings).waitForURL(/\/home\.html$/);

    // Headless Chromium has no global shortcuts to press: this fires the command the shortcut sends.
    const fromShortcut = clyde.context.waitForEvent('page');
    await clyde.context.serviceWorkers()[0]!.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(name: string): void } } } };
      chrome.commands.onCommand.dispatch('open-home');
    });
    await (await fromShortcut).waitForURL(/\/home\.html$/);
    for (const page of clyde.context.pages()) if (page.url().includes('/home.html') || page === settings) await page.close();
    await mail.close();
  });

  it('takes someone off Reach out once their email thread is opened (a date only, no content)', async () => {
    const message = fixture('gmail', 'thread-message-element');
    const seed = emptySeed();
    const mateus = addPerson(seed, {
      name: 'Mateus Lima',
      email: 'jabuf@mateus-lima.example',
      notes: [{ body: 'Asked for the autumn catalogue', occurredAt: Date.now() - 20 * DAY }],
    });
    await seedExtension(clyde.context, clyde.extensionId, seed, [{ personId: mateus, rhythmDays: 14 }]);
    const home = await openHome(clyde);
    const reach = homeSection(home, 'reach-out');
    await reach.getByTestId('home-reason').filter({ hasText: 'Last contact 3 weeks ago; you chose every 2 weeks' }).waitFor();
    expect(await reach.getByTestId('home-person').allTextContents()).toContain('Mateus Lima');

    const { page: mail, panel } = await openMail(clyde, message);
    expect(await shownName(panel)).toBe('Mateus Lima');
    // Home is live: the opened thread restarts his rhythm, and he leaves the list.
    await expect.poll(() => reach.getByTestId('home-person').allTextContents(), { timeout: 10_000 }).not.toContain('Mateus Lima');
    // No rhythm for him from here on, so the later tests' clock leaves him out.
    await panel.getByTestId('rhythm').selectOption({ label: 'None (never remind)' });
    await expect.poll(() => panel.getByTestId('rhythm').inputValue()).toBe('0');
    await mail.close();
    await home.close();
  });

  // Last: the clock stays moved for the rest of this browser's life.
  it('lists someone past their keep-in-touch rhythm under Reach out, with the rhythm, once the clock passes it', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    await meet(panel, 'Carla Mendes');
    await panel.getByTestId('rhythm').selectOption({ label: 'Every 2 weeks' });
    await expect.poll(() => panel.getByTestId('rhythm').inputValue()).toBe('14');
    await mail.close();

    let home = await openHome(clyde);
    expect(await homeSection(home, 'reach-out').textContent()).not.toContain('Carla Mendes');
    await home.close();

    await clyde.context.clock.install({ time: Date.now() + 20 * DAY });
    home = await openHome(clyde);
    const reach = homeSection(home, 'reach-out');
    await reach.getByTestId('home-reason').filter({ hasText: 'Last contact 3 weeks ago; you chose every 2 weeks' }).waitFor();
    expect(await reach.getByTestId('home-person').allTextContents()).toEqual(['Carla Mendes']);

    // Reaching out is a note; the rhythm starts again from it.
    await home.keyboard.press('j');
    await home.keyboard.press('r');
    await home.getByLabel('How did you reach out?').fill('called about the spring order');
    await home.keyboard.press('Enter');
    await reach.getByTestId('home-empty').waitFor();
    await home.close();
  });
});
