import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const hasPanelFrame = (page: Page) => page.frames().some((f) => f.url().includes('/panel.html'));

/** Clyde's side panel page in a window of its own; it follows the last focused window's tab. */
async function openSidePanel(): Promise<Page> {
  const opened = clyde.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/sidepanel.html'), timeout: 10_000 });
  await clyde.context.serviceWorkers()[0]!.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } };
    return chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false });
  });
  return opened;
}

async function choose(options: Page, site: 'Gmail' | 'Outlook', mode: 'Beside the mail' | "In the browser's side panel") {
  await options.getByRole('group', { name: site }).getByRole('radio', { name: mode }).check();
}

describe('display mode', () => {
  it('moves Gmail between the injected panel and the side panel at once, without reloading the mail', async () => {
    const f = fixture('gmail', 'thread-cc');
    const { page, panel } = await openMail(clyde, f);
    expect(await shownName(panel)).toBe('Bruno Costa');
    // A mark in the page's own world: it survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const options = await clyde.context.newPage();
    await options.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await choose(options, 'Gmail', "In the browser's side panel");
    await expect.poll(() => hasPanelFrame(page)).toBe(false);
    // Nothing of Clyde is left in the page: its element count is that of the served HTML.
    const counts = await page.evaluate(
      (html) => [document.querySelectorAll('*').length, new DOMParser().parseFromString(html, 'text/html').querySelectorAll('*').length],
      f.html,
    );
    expect(counts[0]).toBe(counts[1]);

    // The side panel shows the same correspondent.
    await page.bringToFront();
    const side = await openSidePanel();
    await side.getByTestId('person-name').filter({ hasText: 'Bruno Costa' }).waitFor({ timeout: 10_000 });
    await side.close();

    // Outlook keeps its own setting (the injected default) while Gmail uses the side panel.
    const outlook = await openMail(clyde, fixture('outlook', 'reading-office'));
    expect(hasPanelFrame(outlook.page)).toBe(true);
    await outlook.page.close();

    await choose(options, 'Gmail', 'Beside the mail');
    await expect.poll(() => hasPanelFrame(page)).toBe(true);
    const again = page.frames().find((fr) => fr.url().includes('/panel.html'))!;
    await expect.poll(() => shownName(again)).toBe('Bruno Costa');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await options.close();
    await page.close();
  });
});
