import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName, type } from './panel';

/**
 * Issue #16's second language: a browser set to German shows the panel in German, dates in German
 * order and month names, with no English left on the way a user works through it.
 */
/** The extension API as an extension page sees it: page.evaluate runs there, so it is named inline. */
type ExtensionApi = {
  runtime: { getManifest(): { description?: string } };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
};

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde({ locale: 'de-DE' });
});
afterAll(() => clyde?.close());

describe('a browser in German', () => {
  it('shows the panel on Gmail in German, from a new person to a note, a fact and a task', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    const chips = panel.getByRole('navigation', { name: 'Personen in dieser Unterhaltung' }).getByRole('button');
    expect(await chips.count()).toBe(4);
    expect(await panel.getByTestId('new-person').textContent()).toContain('Neu bei Clyde. Was möchten Sie sich über Bruno Costa merken?');

    await type(panel, 'Erste Notiz', 'Auf der Messe getroffen');
    await panel.getByTestId('person').waitFor();
    await type(panel, 'Etwas zum Merken hinzufügen', 'Bestellung: Getreide in zwei Säcken');
    await panel.getByLabel('Fälligkeitsdatum').fill('2031-01-15');
    await type(panel, 'Aufgabe hinzufügen', 'Neue Preisliste schicken');

    // Dates through Intl in the browser's locale: "15. Jan. 2031", not "Jan 15, 2031".
    await expect
      .poll(() => panel.getByTestId('task').allTextContents())
      .toEqual([expect.stringMatching(/Neue Preisliste schicken.*fällig 15\. Jan\. 2031/)]);
    for (const section of ['Merken', 'Aufgaben', 'Verlauf']) await panel.getByRole('region', { name: section }).waitFor();
    await panel.getByRole('button', { name: 'Notiz bearbeiten' }).waitFor();
    await panel.getByRole('checkbox', { name: 'Erledigt: Neue Preisliste schicken' }).waitFor();

    // None of the English the same steps show in an English browser (gmail.test.ts).
    const text = await panel.locator('body').innerText();
    for (const english of ['Remember', 'Tasks', 'Timeline', 'Add a task', 'due Jan', 'Search people', 'No one here'])
      expect(text).not.toContain(english);
    await page.close();
  });

  it('names the extension in German where the browser lists it', async () => {
    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const described = await page.evaluate(
      () => (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.getManifest().description,
    );
    // The manifest itself says __MSG_…__; the browser's own listing resolves it.
    expect(described).toMatch(/__MSG_manifest_description__|Behalten Sie im Blick/);
    expect(
      await page.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.i18n.getMessage('manifest_description')),
    ).toContain('Behalten Sie im Blick');
    expect(await page.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.i18n.getUILanguage())).toMatch(/^de/);
    await page.close();
  });
});
