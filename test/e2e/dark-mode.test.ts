import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paintedLuminance } from './axe';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { GMAIL_DARK_CSS, gmailDark } from './gmail-dark';
import { openMail, shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const theme = (panel: Frame) => panel.evaluate(() => document.documentElement.dataset.theme);

/** The iframe element's own background, as the host page paints it before the panel draws. */
async function frameLuminance(panel: Frame): Promise<number> {
  const iframe = await panel.frameElement();
  // One anonymous function: tsx would wrap a named one in a helper the page lacks.
  return iframe.evaluate((el: Element) => {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d')!;
    ctx.fillStyle = getComputedStyle(el).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

describe('dark mode', () => {
  it('the panel beside Gmail’s dark theme is dark, and so is its frame before the panel paints', async () => {
    const { page, panel } = await openMail(clyde, gmailDark());
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await theme(panel)).toBe('dark');
    expect(await paintedLuminance(panel)).toBeLessThan(0.05);
    expect(await panel.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    // No light flash: until its script has read the theme, the panel page (data-theme="host", as
    // panel.html ships) paints nothing, and what shows is the iframe's own background: dark.
    expect(await frameLuminance(panel)).toBeLessThan(0.05);
    const unthemed = await panel.evaluate(() => {
      document.documentElement.dataset.theme = 'host';
      const painted = [document.body, document.documentElement].map((el) => getComputedStyle(el).backgroundColor);
      document.documentElement.dataset.theme = 'dark';
      return painted;
    });
    expect(unthemed).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await page.close();
  });

  it('the panel beside Gmail’s light theme is light, also when the system is dark', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await theme(panel)).toBe('light');
    expect(await paintedLuminance(panel)).toBeGreaterThan(0.9);
    expect(await frameLuminance(panel)).toBeGreaterThan(0.9);
    await page.close();
  });

  it('follows Gmail switching theme while the thread is open, adding nothing to the tab’s history', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await theme(panel)).toBe('light');
    const entries = await page.evaluate(() => history.length);
    // Gmail switches theme by stylesheet, as the dark fixture does.
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.id = 'gmail-dark';
      style.textContent = css;
      document.head.append(style);
    }, GMAIL_DARK_CSS);
    await expect.poll(() => theme(panel)).toBe('dark');
    expect(await paintedLuminance(panel)).toBeLessThan(0.05);
    expect(await frameLuminance(panel)).toBeLessThan(0.05);

    await page.evaluate(() => document.getElementById('gmail-dark')!.remove());
    await expect.poll(() => theme(panel)).toBe('light');
    // The switches reload the panel (see panel-frame.ts) but add no entries to the tab's history, for Back to step through.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(await shownName(panel)).toBe('Bruno Costa');
    await page.close();
  });

  it.each(['options.html', 'home.html', 'welcome.html', 'sidepanel.html'])('%s follows the system setting, live', async (path) => {
    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/${path}`);
    await page.locator('#root > *').first().waitFor();
    expect(await paintedLuminance(page)).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await paintedLuminance(page)).toBeLessThan(0.05);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await paintedLuminance(page)).toBeGreaterThan(0.9);
    await page.close();
  });
});
