import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, launchClyde } from '../e2e/browser';
import { poll } from '../support/poll';
import { seedExtension } from '../support/seed-browser';
import { homeSeed } from './home-seed';
import type { UpkeepTimes } from './home-upkeep';
import { median, quantile } from './stats';

const ORIGIN = 'https://bench.clyde.test';

/**
 * The summary upkeep's cost per capture and one person's at-risk reasons, in Chromium: the real
 * storage code bundled into a plain page on its own origin (the extension's code is bundled
 * without a way in from a test), on a store of 2k people, 20k notes and 4k tasks.
 */
export async function homeUpkeepBench(people = 2_000, rounds = 300) {
  const bundle = await build({
    entryPoints: ['test/bench/browser/home-upkeep.entry.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script>`,
      }),
    );
    await page.goto(`${ORIGIN}/`);
    const seed = homeSeed(people, 10, 2);
    const times = await page.evaluate(
      ([s, n]) => (globalThis as unknown as { runUpkeep: (s: unknown, n: number) => Promise<UpkeepTimes> }).runUpkeep(s, n),
      [seed, rounds] as const,
    );
    return {
      people,
      rounds,
      captureWith: median(times.with),
      captureWithout: median(times.without),
      upkeep: median(times.with) - median(times.without),
      putFloor: median(times.put),
      reasonsMedian: median(times.reasons),
      reasonsP95: quantile(times.reasons, 0.95),
    };
  } finally {
    await browser.close();
  }
}

/**
 * Home from opening `home.html` to its first section drawn, and to all of them, in Chromium with
 * the built extension over 10k people, 100k notes and 20k tasks (seeded with their summaries, as
 * the write path keeps them). Times are the page's own, from its navigation start; each opening
 * is a new tab, as when the shortcut opens Home.
 */
export async function homePageBench({ people = 10_000, notesEach = 10, tasksEach = 2, openings = 15 } = {}) {
  const clyde = await launchClyde({ blockNetwork: false });
  try {
    await seedExtension(clyde.context, clyde.extensionId, homeSeed(people, notesEach, tasksEach));
    const first: number[] = [];
    const all: number[] = [];
    let shown = 0;
    for (let i = 0; i < openings; i++) {
      const page = await clyde.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __home: { first?: number; all?: number } };
        const seen: { first?: number; all?: number } = (w.__home = {});
        new MutationObserver(() => {
          const sections = [...document.querySelectorAll('section[aria-busy]')];
          const done = sections.filter((s) => s.getAttribute('aria-busy') === 'false');
          if (done.length && seen.first === undefined) seen.first = performance.now();
          if (sections.length >= 5 && done.length === sections.length && seen.all === undefined) seen.all = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
      });
      await page.goto(`chrome-extension://${clyde.extensionId}/home.html`);
      // Read now and then; the times themselves were taken in the page by the observer above.
      const times = await poll(
        async () => {
          const t = await page.evaluate(() => (window as unknown as { __home: { first?: number; all?: number } }).__home);
          return t.all === undefined ? undefined : t;
        },
        { timeout: 30_000, interval: 200, message: () => 'Home did not finish drawing its sections within 30 s' },
      );
      first.push(times.first!);
      all.push(times.all!);
      shown = await page.locator('[data-row]').count();
      await page.close();
    }
    return {
      people,
      notes: people * notesEach,
      tasks: people * tasksEach,
      openings,
      shown,
      firstMedian: median(first),
      firstP95: quantile(first, 0.95),
      allMedian: median(all),
      allP95: quantile(all, 0.95),
    };
  } finally {
    await clyde.close();
  }
}
