import type { BrowserContext } from 'playwright-core';
import { panelFrame, serve } from '../e2e/browser';
import type { Fixture } from '../e2e/fixtures';
import { median } from './stats';

/** Where a cold panel's time goes, each phase in ms since the Gmail tab started loading. */
export interface ColdPhases {
  /** The mail page's HTML has arrived (here served by Playwright from this process, slow on a busy machine). */
  response: number;
  /** The page's own DOMContentLoaded and load: Chromium runs `document_idle` scripts after one of them. */
  domContentLoaded: number;
  load: number;
  /**
   * Chromium made the content script's isolated world, i.e. began to run Clyde's content script,
   * as this process hears it: the protocol's delivery can put it after the frame it created.
   */
  contentScript: number;
  /** The panel's frame began to load: its document's time origin. */
  frameCreated: number;
  /** The frame's scripts have loaded and run up to `mountPanel` (mark `clyde:scripts-loaded`). */
  scriptsLoaded: number;
  /** IndexedDB is open (mark `clyde:db-open`). */
  dbOpen: number;
  /** The panel shows the thread's person. */
  shown: number;
}

export const PHASES: { key: keyof ColdPhases; label: string }[] = [
  { key: 'response', label: "page's HTML received" },
  { key: 'domContentLoaded', label: "page's DOMContentLoaded" },
  { key: 'load', label: "page's load event" },
  { key: 'contentScript', label: 'content script starts' },
  { key: 'frameCreated', label: 'panel frame created' },
  { key: 'scriptsLoaded', label: "frame's scripts loaded" },
  { key: 'dbOpen', label: 'database open' },
  { key: 'shown', label: 'person shown' },
];

/**
 * Readies `context` for cold loads and returns one: it opens a Gmail thread in a fresh tab and
 * times each phase inside the browser (the page's and the frame's clocks), plus the moment the
 * content script's world is created, which the DevTools protocol reports to this process (both
 * clocks are the machine's wall clock).
 */
export async function coldLoader(context: BrowserContext, extensionId: string): Promise<(thread: Fixture) => Promise<ColdPhases>> {
  let current: Fixture | undefined;
  await serve(context, 'https://mail.google.com', () => current!.html);
  // When each name first appears in the panel, seen from inside the frame by an observer that is
  // there before the app runs: polling for it from here (waitForFunction) saw it up to 100 ms late
  // on a busy machine, which timed the polling rather than the panel.
  await context.addInitScript(`(() => {
    if (!location.pathname.endsWith('/panel.html')) return;
    const seen = (window.__clydeSeen = {});
    new MutationObserver(() => {
      const name = document.querySelector('[data-testid=person-name]')?.textContent;
      if (name && !(name in seen)) seen[name] = performance.timeOrigin + performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })()`);
  return async (thread) => {
    current = thread;
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    let contentScriptAt = NaN;
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
      // Playwright makes isolated worlds of its own; the content script's has the extension's origin.
      if (Number.isNaN(contentScriptAt) && world.origin === `chrome-extension://${extensionId}`) contentScriptAt = Date.now();
    });
    await cdp.send('Runtime.enable');
    await tab.goto(thread.url, { waitUntil: 'commit' });
    const start = await tab.evaluate(() => performance.timeOrigin);
    const frame = await panelFrame(tab, extensionId);
    const shown = (await (
      await frame.waitForFunction(
        (name) => (window as unknown as { __clydeSeen: Record<string, number> }).__clydeSeen[name],
        thread.html.match(/Customer \d+/)![0],
      )
    ).jsonValue()) as number;
    // No named helper inside: tsx would wrap it in a `__name` call the frame does not have.
    const inFrame = await frame.evaluate(() => ({
      origin: performance.timeOrigin,
      scripts: performance.timeOrigin + (performance.getEntriesByName('clyde:scripts-loaded')[0]?.startTime ?? NaN),
      db: performance.timeOrigin + (performance.getEntriesByName('clyde:db-open')[0]?.startTime ?? NaN),
    }));
    const page = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { response: nav.responseEnd, dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart || NaN };
    });
    await cdp.detach();
    await tab.close();
    return {
      response: page.response,
      domContentLoaded: page.dcl,
      load: page.load,
      contentScript: contentScriptAt - start,
      frameCreated: inFrame.origin - start,
      scriptsLoaded: inFrame.scripts - start,
      dbOpen: inFrame.db - start,
      shown: shown - start,
    };
  };
}

/** The median of each phase over `runs` (NaN where a build records no such mark). */
export function medianPhases(runs: ColdPhases[]): ColdPhases {
  return Object.fromEntries(
    PHASES.map(({ key }) => [key, median(runs.map((r) => r[key]).filter((x) => !Number.isNaN(x)))]),
  ) as unknown as ColdPhases;
}
