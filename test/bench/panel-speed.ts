import { EXTENSION_DIR, launchClyde, panelFrame, serve } from '../e2e/browser';
import { fixture } from '../e2e/fixtures';
import { navigateInApp } from '../support/in-app-navigation';
import { syntheticSeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';
import { coldLoads, medianPhases } from './panel-cold';
import { median, quantile } from './stats';

/** The Gmail thread fixture with its latest sender replaced by synthetic customer `i`. */
export function threadFor(i: number) {
  const f = fixture('gmail', 'thread-cc');
  return {
    ...f,
    url: f.url.replace(/[^/]+$/, `FMfcgzBench${i}`),
    html: f.html.replaceAll('bruno.costa@example.org', `customer${i}@example.com`).replaceAll('Bruno Costa', `Customer ${i}`),
  };
}

/**
 * In real Chromium with the built extension and a store of 10k people and 100k notes:
 * - navigation: the new thread is on screen (Gmail swapped it in place) → the panel shows its
 *   person. Switches are `settleMs` apart, as someone reading mail opens one thread after another:
 *   each starts from a panel that has finished drawing the last person. The same switches back to
 *   back (each as soon as the last name shows, while the panel still draws the rest) are reported too;
 * - cold load: a Gmail tab starts loading → the panel shows the person, phase by phase (panel-cold.ts).
 * Times are taken inside the browser (high-resolution clocks of the page and the panel frame).
 * `extensionDir` runs another build (the bench's `before`, see run.ts) the same way.
 */
export async function panelSpeedBench({
  people = 10_000,
  notesEach = 10,
  switches = 30,
  settleMs = 500,
  coldCount = 10,
  extensionDir = EXTENSION_DIR,
} = {}) {
  const clyde = await launchClyde({ blockNetwork: false, extensionDir });
  try {
    await seedExtension(clyde.context, clyde.extensionId, syntheticSeed(people, notesEach));
    const current = threadFor(0);
    await serve(clyde.context, 'https://mail.google.com', () => current.html);
    const page = await clyde.context.newPage();
    await page.goto(current.url);
    const panel = await panelFrame(page, clyde.extensionId);
    await panel.getByText('Customer 0', { exact: true }).first().waitFor();
    // Record when each name first appears in the panel, from inside the panel.
    await panel.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number>; __waiting: Record<string, (at: number) => void> };
      const seen: Record<string, number> = (w.__seen = {});
      w.__waiting = {};
      new MutationObserver(() => {
        const name = document.querySelector('[data-testid=person-name]')?.textContent;
        if (!name || name in seen) return;
        seen[name] = performance.timeOrigin + performance.now();
        w.__waiting[name]?.(seen[name]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const switchTo = async (i: number) => {
      const started = await navigateInApp(page, threadFor(i));
      // Woken by the observer above rather than polled: Playwright's default polling runs a
      // requestAnimationFrame loop in the panel, frames a user's panel would never draw, on the
      // same two cores the switch is timed on.
      const shown = await panel.evaluate((name) => {
        const w = window as unknown as { __seen: Record<string, number>; __waiting: Record<string, (at: number) => void> };
        return (
          w.__seen[name] ??
          new Promise<number>((resolve, reject) => {
            w.__waiting[name] = resolve;
            setTimeout(() => reject(new Error(`The panel did not show ${name} within 10 s.`)), 10_000);
          })
        );
      }, `Customer ${i}`);
      return shown - started;
    };
    const navigation: number[] = [];
    for (let s = 1; s <= switches; s++) {
      await page.waitForTimeout(settleMs);
      navigation.push(await switchTo((s * 331) % people));
    }
    const backToBack: number[] = [];
    for (let s = 1; s <= switches; s++) backToBack.push(await switchTo((s * 331 + 7) % people));
    await page.close();

    const cold = await coldLoads(clyde.context, clyde.extensionId, (s) => threadFor((s * 977 + 5) % people), coldCount);
    const shown = cold.map((c) => c.shown);
    return {
      navigation: { median: median(navigation), p95: quantile(navigation, 0.95), n: navigation.length, settleMs },
      backToBack: { median: median(backToBack), p95: quantile(backToBack, 0.95), n: backToBack.length },
      coldLoad: {
        median: median(shown),
        p95: quantile(shown, 0.95),
        n: shown.length,
        afterResponse: median(cold.map((c) => c.shown - c.response)),
        phases: medianPhases(cold),
      },
    };
  } finally {
    await clyde.close();
  }
}
