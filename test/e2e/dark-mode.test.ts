import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paintedLuminance } from './axe';
import { launchClyde, serve, type Clyde } from './browser';
import { fixture } from './fixtures';
import { GMAIL_DARK_CSS, gmailDark } from './gmail-dark';
import { openMail, openSidePanel, shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const theme = (panel: Frame | Page) => panel.evaluate(() => document.documentElement.dataset.theme);

/** Gmail switches theme by stylesheet, as the dark fixture does. */
const switchGmailToDark = (page: Page) =>
  page.evaluate((css) => {
    const style = document.createElement('style');
    style.id = 'gmail-dark';
    style.textContent = css;
    document.head.append(style);
  }, GMAIL_DARK_CSS);

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

  it('follows Gmail switching theme while the thread is open, without reloading: a draft in the panel survives', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await theme(panel)).toBe('light');
    const entries = await page.evaluate(() => history.length);
    // Logging the thread makes Bruno a person with a capture box.
    await panel.getByRole('button', { name: /^Log this email/ }).click();
    await panel.getByTestId('email-logged').waitFor({ timeout: 10_000 });
    // Typed, not yet saved; and a mark in the panel's window, which only a reload would lose.
    const draft = panel.getByLabel('Quick capture');
    await draft.fill('Call back about the quarterly review');
    await panel.evaluate(() => Object.assign(window, { sameDocument: true }));

    await switchGmailToDark(page);
    await expect.poll(() => theme(panel)).toBe('dark');
    expect(await paintedLuminance(panel)).toBeLessThan(0.05);
    expect(await frameLuminance(panel)).toBeLessThan(0.05);

    await page.evaluate(() => document.getElementById('gmail-dark')!.remove());
    await expect.poll(() => theme(panel)).toBe('light');
    expect(await frameLuminance(panel)).toBeGreaterThan(0.9);
    expect(await draft.inputValue()).toBe('Call back about the quarterly review');
    expect(await panel.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(page.frames().filter((f) => f.url().includes('/panel.html'))).toEqual([panel]);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(await shownName(panel)).toBe('Bruno Costa');
    await page.close();
  });

  it('the side panel wears the theme of the page in the tab it shows, not the system’s, and the system’s beside a page Clyde does not read', async () => {
    // Gmail in the side panel: the page keeps no frame, and its content script reports the theme alone.
    const options = await clyde.context.newPage();
    await options.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const gmailMode = (mode: string) => options.getByRole('group', { name: 'Gmail' }).getByRole('radio', { name: mode }).check();
    await gmailMode("In the browser's side panel");
    const light = fixture('gmail', 'thread-cc');
    const darkHtml = gmailDark().html;
    // The same thread at the same address, dark when asked with `?dark`.
    await serve(clyde.context, new URL(light.url).origin, (url) => (url.search === '?dark' ? darkHtml : light.html));

    const dark = await clyde.context.newPage();
    await dark.goto(light.url.replace('/#', '/?dark#'));
    await dark.bringToFront();
    const side = await openSidePanel(clyde);
    await side.emulateMedia({ colorScheme: 'light' });
    await side.getByTestId('person-name').filter({ hasText: 'Bruno Costa' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => theme(side)).toBe('dark');
    expect(await paintedLuminance(side)).toBeLessThan(0.05);
    expect(dark.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);

    // Another tab, with Gmail in its light theme, while the system is dark: the side panel follows the page.
    await side.emulateMedia({ colorScheme: 'dark' });
    const page = await clyde.context.newPage();
    await page.goto(light.url);
    await page.bringToFront();
    await expect.poll(() => theme(side)).toBe('light');
    expect(await paintedLuminance(side)).toBeGreaterThan(0.9);
    // Gmail turns dark with the side panel open; then back.
    await switchGmailToDark(page);
    await expect.poll(() => theme(side)).toBe('dark');
    expect(await paintedLuminance(side)).toBeLessThan(0.05);
    await page.evaluate(() => document.getElementById('gmail-dark')!.remove());
    await expect.poll(() => theme(side)).toBe('light');

    // A page Clyde has no reader for shows no theme of Clyde's knowing: the system setting decides (dark here).
    await serve(clyde.context, 'https://woodgrove.example', () => '<!doctype html><title>Woodgrove</title><p>Hello</p>');
    const other = await clyde.context.newPage();
    await other.goto('https://woodgrove.example/');
    await other.bringToFront();
    await expect.poll(() => theme(side)).toBeUndefined();
    expect(await paintedLuminance(side)).toBeLessThan(0.05);
    // Back to the dark Gmail tab.
    await dark.bringToFront();
    await expect.poll(() => theme(side)).toBe('dark');

    await gmailMode('Beside the mail');
    for (const p of [side, other, page, dark, options]) await p.close();
  });

  it('the side panel opens in the theme it last wore, already when its page begins, so dark Gmail on a light system never flashes light', async () => {
    // What <html> wears when <body> arrives: set by then, it is set before the first paint.
    await clyde.context.addInitScript(() => {
      if (location.pathname !== '/sidepanel.html') return;
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        Object.assign(window, { themeAtBody: document.documentElement.dataset.theme ?? 'none' });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const options = await clyde.context.newPage();
    await options.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const gmailMode = (mode: string) => options.getByRole('group', { name: 'Gmail' }).getByRole('radio', { name: mode }).check();
    await gmailMode("In the browser's side panel");
    const dark = gmailDark();
    await serve(clyde.context, new URL(dark.url).origin, () => dark.html);
    const mail = await clyde.context.newPage();
    await mail.goto(dark.url);
    await mail.bringToFront();

    const themeAtBody = (side: Page) => side.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody);
    // The first opening may learn the tab's theme only once its scripts ask; the next starts in it.
    for (const opening of ['first', 'next']) {
      const side = await openSidePanel(clyde);
      await side.getByTestId('person-name').filter({ hasText: 'Bruno Costa' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => theme(side)).toBe('dark');
      // The system is light (Chromium's default here): only a remembered theme makes it dark this early.
      expect(await side.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
      if (opening === 'next') expect(await themeAtBody(side)).toBe('dark');
      await side.close();
    }
    // The same tab goes on to a page Clyde does not read: no one is shown there, and the side
    // panel wears the system's theme, and forgets the dark one for next time.
    await serve(clyde.context, 'https://woodgrove.example', () => '<!doctype html><title>Woodgrove</title><p>Hello</p>');
    await mail.goto('https://woodgrove.example/');
    const side = await openSidePanel(clyde);
    await expect.poll(() => theme(side)).toBeUndefined();
    await side.getByTestId('no-one').waitFor();
    await side.close();
    const next = await openSidePanel(clyde);
    expect(await themeAtBody(next)).toBe('none');

    await gmailMode('Beside the mail');
    for (const p of [next, mail, options]) await p.close();
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
