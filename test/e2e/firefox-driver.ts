import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Fixture } from './fixtures';
import { poll } from '../support/poll';

/**
 * Debian's Firefox ESR with Clyde's Firefox build installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi; and the ways the Firefox tests reach pages and the panel.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIR = resolve('.output/firefox-mv3');

/** `prefs` are added to the profile; `intl.locale.requested` picks a language pack Debian installed. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  // `npm run test:e2e` has just built it (`npm run zip`) and says so; run alone, a file builds it.
  if (!process.env.CLYDE_FIREFOX_BUILT) execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'ignore' });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox then grants an add-on's runtime permission request without its doorhanger, which
    // WebDriver cannot click; the request and its effect are what the team test checks.
    extraPrefsFirefox: { 'extensions.webextOptionalPermissionPrompts': false, ...prefs },
  });
  await browser.installExtension(DIR);
  return browser;
}

/**
 * Opens `f` at its real URL in a new tab, which also serves `more` at theirs (for a later
 * `page.goto`); anything else the page asks for gets a 404, nothing reaches the network.
 * `before` runs in each of the tab's documents ahead of any script of the page's or Clyde's.
 */
export async function openIn(browser: Browser, f: Fixture, more: Fixture[] = [], before?: () => void): Promise<Page> {
  const served = new Map([f, ...more].map((s) => [documentOf(s.url), s.html]));
  const page = await browser.newPage();
  if (before) await page.evaluateOnNewDocument(before);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // The add-on's own documents (the panel frame) load as usual.
    // A request still held when its page closes is gone by the time it is answered: nothing to do.
    const gone = () => undefined;
    if (!request.url().startsWith('http')) return void request.continue().catch(gone);
    const html = request.isNavigationRequest() && served.get(documentOf(request.url()));
    if (html) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(gone);
    else void request.respond({ status: 404, body: '' }).catch(gone);
  });
  await page.goto(f.url);
  return page;
}

/** The document a URL loads: without its query and hash. */
const documentOf = (url: string) => new URL(url).origin + new URL(url).pathname;

/** Firefox's BiDi reports an extension page's or subframe's URL as about:blank; the page itself knows where it is. */
export const whereIs = (frame: Frame | Page) => frame.evaluate(() => location.href).catch(() => '');

/** Tabs at Clyde's welcome page, asked of each page itself (see `whereIs`). */
export async function welcomeTabsOf(browser: Browser): Promise<Page[]> {
  const pages = await browser.pages();
  const at = await Promise.all(pages.map(whereIs));
  return pages.filter((_, i) => at[i]!.endsWith('/welcome.html'));
}

/** The name the panel shows, or '' while it shows none. */
export const shownName = (panel: Frame | Page) => panel.$eval('[data-testid=person-name]', (el) => el.textContent ?? '').catch(() => '');

export async function panelFrame(page: Page): Promise<Frame> {
  return poll(
    async () => {
      for (const frame of page.frames()) if (/^moz-extension:\/\/[^/]+\/panel\.html/.test(await whereIs(frame))) return frame;
      return undefined;
    },
    { timeout: 15_000, message: () => `No Clyde panel frame in ${page.url()}` },
  );
}
