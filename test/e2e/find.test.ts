import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName, type } from './panel';
import { navigateInApp } from '../support/in-app-navigation';

/**
 * Find and tidy in the panel on Gmail: the never-log list, Cmd/Ctrl-K search, adding and
 * removing an address, and merging two people and undoing it. One browser profile, so later
 * specs see what earlier ones wrote; each uses different correspondents.
 */
let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const chips = (panel: Frame) => panel.getByRole('navigation', { name: 'People in this conversation' }).getByRole('button');

async function options(): Promise<Page> {
  const page = await clyde.context.newPage();
  await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
  return page;
}

/** Opens the palette from the keyboard, as a user does: focus in the panel, then Ctrl+K. */
async function openSearch(page: Page, panel: Frame): Promise<void> {
  await panel.locator('h1').click();
  await page.keyboard.press('Control+k');
  await panel.getByRole('combobox', { name: 'Search' }).waitFor();
}

describe('find and tidy', () => {
  it('shows nothing for a never-logged address or domain, and shows them again once taken off the list', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'stale-view'));
    expect(await shownName(panel)).toBe('Gabriela Souza');
    await panel.getByRole('button', { name: 'Never show this person' }).click();
    await panel.getByTestId('no-one').waitFor();
    expect(await panel.getByTestId('person-name').count()).toBe(0);

    const settings = await options();
    await settings.getByText('gabriela.souza@example.org').waitFor();
    // A whole domain: Bruno and Eduardo (example.org) disappear from the thread, the others stay.
    await settings.getByLabel('Address or domain to never log').fill('example.org');
    await settings.getByLabel('Address or domain to never log').press('Enter');
    await settings.getByText('Anyone at example.org').waitFor();
    const thread = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await expect.poll(() => chips(thread.panel).allTextContents()).toEqual(['Ana Lima', 'Carla Mendes']);
    expect(await shownName(thread.panel)).toBe('Ana Lima');

    await settings.getByRole('button', { name: 'Remove example.org from the never-log list' }).click();
    await settings.getByRole('button', { name: 'Remove gabriela.souza@example.org from the never-log list' }).click();
    await settings.getByText('Nobody yet.').waitFor();
    await expect.poll(() => chips(thread.panel).allTextContents()).toEqual(['Bruno Costa', 'Ana Lima', 'Eduardo Pires', 'Carla Mendes']);
    const again = await openMail(clyde, fixture('gmail', 'stale-view'));
    expect(await shownName(again.panel)).toBe('Gabriela Souza');
    // Nothing was created for her while she was hidden: she is still new to Clyde.
    await again.panel.getByTestId('new-person').waitFor();
    await Promise.all([page.close(), again.page.close(), thread.page.close(), settings.close()]);
  });

  it('Ctrl+K finds a person by a word from a note and opens them, with a way back to the page', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    await type(panel, 'First note', 'Wants the zeppelin brochure in Portuguese');
    await panel.getByTestId('person').waitFor();
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');

    await openSearch(page, panel);
    await page.keyboard.type('zeppel');
    await expect
      .poll(() => panel.getByTestId('search-result').allTextContents())
      .toEqual([expect.stringMatching(/Bruno Costa.*zeppelin brochure/)]);
    await page.keyboard.press('Enter');
    await panel.getByTestId('opened-person').waitFor();
    expect(await shownName(panel)).toBe('Bruno Costa');
    await expect.poll(() => panel.getByTestId('note').allTextContents()).toEqual([expect.stringContaining('zeppelin brochure')]);
    // Focus is on the way back, so Enter returns to the page's person.
    await page.keyboard.press('Enter');
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');

    await openSearch(page, panel);
    await page.keyboard.type('nobody-by-this-name');
    await panel.getByText('Nothing found for “nobody-by-this-name”.').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.getByRole('combobox', { name: 'Search' }).count()).toBe(0);
    await page.close();
  });

  it('adds an address to a person, explains a bad one, and removes it', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await chips(panel).nth(1).click();
    await expect.poll(() => shownName(panel)).toBe('Ana Lima');
    await type(panel, 'First note', 'Met at the spring fair');
    await panel.getByTestId('person').waitFor();

    await panel.getByRole('button', { name: 'Add address or profile…' }).click();
    await panel.getByLabel('Kind of address').selectOption('x');
    await type(panel, 'Add an address, handle or profile', 'not a handle!');
    await panel.getByText('“not a handle!” is not a valid X handle.').waitFor();
    await type(panel, 'Add an address, handle or profile', '@ana_lima');
    await expect.poll(() => panel.getByTestId('identity').allTextContents()).toEqual(['ana.lima@example.com', 'X@ana_lima']);

    await panel.getByRole('button', { name: 'Remove @ana_lima' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('identity').allTextContents()).toEqual(['ana.lima@example.com']);
    await page.close();
  });

  it('merges two people from the panel, keeps both timelines, and undoes the merge', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await chips(panel).nth(2).click();
    await expect.poll(() => shownName(panel)).toBe('Eduardo Pires');
    await type(panel, 'First note', 'Eduardo asked for the catalogue');
    await panel.getByTestId('person').waitFor();
    await chips(panel).nth(3).click();
    await expect.poll(() => shownName(panel)).toBe('Carla Mendes');
    await type(panel, 'First note', 'Carla prefers calls');
    await panel.getByTestId('person').waitFor();

    await panel.getByRole('button', { name: 'Merge with…' }).click();
    await panel.getByRole('combobox', { name: 'Merge whom into this person?' }).waitFor();
    await page.keyboard.type('eduardo');
    await expect.poll(() => panel.getByTestId('search-result').first().textContent()).toContain('Eduardo Pires');
    await page.keyboard.press('Enter');
    await panel.getByRole('group', { name: 'Confirm merge' }).getByRole('button', { name: 'Merge' }).click();
    await expect
      .poll(() => panel.getByTestId('note').allTextContents())
      .toEqual([expect.stringContaining('Carla prefers calls'), expect.stringContaining('Eduardo asked')]);
    await expect
      .poll(() => panel.getByTestId('identity').allTextContents())
      .toEqual(expect.arrayContaining(['carla.mendes@example.net', 'eduardo.pires@example.org']));
    // Eduardo's address now leads to Carla.
    await chips(panel).nth(2).click();
    await expect.poll(() => shownName(panel)).toBe('Carla Mendes');

    await panel.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => shownName(panel)).toBe('Eduardo Pires');
    await expect
      .poll(() => panel.getByTestId('note').allTextContents())
      .toEqual([expect.stringContaining('Eduardo asked for the catalogue')]);
    await chips(panel).nth(3).click();
    await expect.poll(() => shownName(panel)).toBe('Carla Mendes');
    await expect.poll(() => panel.getByTestId('note').allTextContents()).toEqual([expect.stringContaining('Carla prefers calls')]);
    expect(await panel.getByRole('button', { name: 'Undo merge' }).count()).toBe(0);
    await page.close();
  });

  it('links someone Clyde does not know to an existing person, found by search', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'stale-view'));
    await panel.getByTestId('new-person').waitFor();
    await panel.getByRole('button', { name: 'Link to an existing person…' }).click();
    const box = panel.getByRole('combobox', { name: 'Link to whom?' });
    expect(await box.inputValue()).toBe('Gabriela Souza');
    await box.fill('carla');
    await expect.poll(() => panel.getByTestId('search-result').first().textContent()).toContain('Carla Mendes');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownName(panel)).toBe('Carla Mendes');
    await expect
      .poll(() => panel.getByTestId('identity').allTextContents())
      .toEqual(expect.arrayContaining(['gabriela.souza@example.org', 'carla.mendes@example.net']));
    await page.close();
  });
});
