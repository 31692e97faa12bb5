import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { homeSeed } from './home-seed';
import type { UpkeepTimes } from './home-upkeep';
import { median, quantile } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
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
