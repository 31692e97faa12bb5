import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { fixture, type Fixture } from './fixtures';
import { poll } from '../support/poll';

/**
 * Clyde in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, which installs the
 * unpacked Firefox build as a temporary add-on.
 *
 * Not driven: Firefox's sidebar itself. BiDi exposes no way to open `sidebar_action` (only a
 * user's click or keyboard shortcut may), so the sidebar's page is tested as a tab instead.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIR = resolve('.output/firefox-mv3');

let browser: Browser;
beforeAll(async () => {
  // Built here each run: `npm run test:e2e` builds only the Chrome extension.
  if (!process.env.CLYDE_FIREFOX_BUILT) execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'ignore' });
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await browser.installExtension(DIR);
});
afterAll(() => browser?.close());

/** Serves `f` at its real URL; anything else the page asks for gets a 404, nothing reaches the network. */
async function openAt(f: Fixture): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // The add-on's own documents (the panel frame) load as usual.
    if (!request.url().startsWith('http')) return void request.continue();
    if (request.isNavigationRequest() && request.url().startsWith(new URL(f.url).origin)) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: f.html });
    } else void request.respond({ status: 404, body: '' });
  });
  await page.goto(f.url);
  return page;
}

/** Firefox's BiDi reports an extension subframe's URL as about:blank; the frame itself knows where it is. */
const whereIs = (frame: Frame) => frame.evaluate(() => location.href).catch(() => '');

async function panelFrame(page: Page): Promise<Frame> {
  return poll(
    async () => {
      for (const frame of page.frames()) if (/^moz-extension:\/\/[^/]+\/panel\.html/.test(await whereIs(frame))) return frame;
      return undefined;
    },
    { timeout: 15_000, message: () => `No Clyde panel frame in ${page.url()}` },
  );
}

describe('Firefox', () => {
  it('has a manifest Firefox accepts: sidebar_action for the side panel, a gecko id, no Chrome-only keys', () => {
    const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: 'Clyde' });
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'clyde@clyde-crm.org' } });
    for (const key of ['side_panel', 'externally_connectable']) expect(manifest).not.toHaveProperty(key);
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('shows the Gmail correspondent in the injected panel at the real Gmail URL', async () => {
    const f = fixture('gmail', 'thread-cc');
    const page = await openAt(f);
    const panel = await panelFrame(page);
    const name = await panel.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    expect(await name!.evaluate((el) => el.textContent)).toBe('Bruno Costa');
    // The host page sees no CRM text: the frame is an extension document behind a closed shadow root.
    expect(await page.evaluate(() => document.body.innerText.includes('Remember'))).toBe(false);
    await page.close();
  });

  it('serves the sidebar page, which follows the mail tab and shows its person', async () => {
    const f = fixture('gmail', 'thread-cc');
    const page = await openAt(f);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    // BiDi may not navigate a tab to a moz-extension:// page, and the frame has no `windows` API,
    // so the panel frame (an extension document) opens the sidebar's page in a window of its own
    // (Firefox ESR 140.12 makes it a normal window, not a popup); like the sidebar, it follows the
    // active tab of the last focused other window.
    const before = new Set(await browser.pages());
    await frame.evaluate(() => void window.open('/sidepanel.html', 'clyde-sidebar', 'popup,width=400,height=700'));
    const sidebar = await poll(async () => (await browser.pages()).find((p) => !before.has(p)), {
      timeout: 10_000,
      message: () => 'No window opened for the sidebar page.',
    });
    // Polled from here: `waitForFunction` rebuilds its predicate with `Function()` inside the page,
    // which an extension page's CSP blocks (Firefox ESR 140.12 enforces it on WebDriver BiDi too).
    const path = () => sidebar.evaluate(() => location.pathname).catch(() => 'navigating');
    await poll(async () => (await path()) === '/sidepanel.html', {
      timeout: 10_000,
      message: async () => `The popup never reached the sidebar page; it is at ${await path()}.`,
    });
    const name = await sidebar.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    expect(await name!.evaluate((el) => el.textContent)).toBe('Bruno Costa');
    await sidebar.close();
    await page.close();
  });
});
