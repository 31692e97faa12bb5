import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchClyde, panelFrame, serve, type Clyde } from '../e2e/browser';
import { fixture } from '../e2e/fixtures';
import { navigateInApp } from '../support/in-app-navigation';
import { syntheticSeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';
import { coldLoader, medianPhases, type ColdPhases } from './panel-cold';
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

/** A Chromium profile with a build of Clyde and a store of `people` people with `notesEach` notes each. */
export async function seededProfile({ people = 10_000, notesEach = 10, extensionDir = EXTENSION_DIR } = {}) {
  const profileDir = await mkdtemp(join(tmpdir(), 'clyde-bench-'));
  const clyde = await launchClyde({ blockNetwork: false, extensionDir, profileDir });
  try {
    await seedExtension(clyde.context, clyde.extensionId, syntheticSeed(people, notesEach));
  } finally {
    await clyde.close();
  }
  return { profileDir, extensionDir, people, remove: () => rm(profileDir, { recursive: true, force: true }) };
}
type SeededProfile = Awaited<ReturnType<typeof seededProfile>>;

/**
 * In-app navigation in a seeded browser: the new thread is on screen (Gmail swapped it in place)
 * → the panel shows its person. Switches are `settleMs` apart, as someone reading mail opens one
 * thread after another: each starts from a panel that has finished drawing the last person. The
 * same switches back to back (each as soon as the last name shows, while the panel still draws
 * the rest) are reported too. Times are taken inside the browser (high-resolution clocks of the
 * page and the panel frame).
 */
export async function navigationBench(profile: SeededProfile, { switches = 30, settleMs = 500 } = {}) {
  const clyde = await launchClyde({ blockNetwork: false, extensionDir: profile.extensionDir, profileDir: profile.profileDir });
  try {
    return await timeSwitches(clyde, profile.people, { switches, settleMs });
  } finally {
    await clyde.close();
  }
}

async function timeSwitches(clyde: Clyde, people: number, { switches, settleMs }: { switches: number; settleMs: number }) {
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
  return {
    navigation: { median: median(navigation), p95: quantile(navigation, 0.95), n: navigation.length, settleMs },
    backToBack: { median: median(backToBack), p95: quantile(backToBack, 0.95), n: backToBack.length },
  };
}

/**
 * Cold loads, a Gmail tab starting to load → the panel shows the person, phase by phase
 * (panel-cold.ts), in each of `profiles` (builds to compare) taking turns: load `s` opens the same
 * thread in each, the first profile going first on even loads and last on odd ones. Measured one
 * build after the other, the build measured first came out about 60 ms faster in either order, so
 * a before/after run compared the order rather than the builds.
 */
export async function coldBench(profiles: SeededProfile[], count = 30) {
  const browsers: Clyde[] = [];
  try {
    for (const p of profiles)
      browsers.push(await launchClyde({ blockNetwork: false, extensionDir: p.extensionDir, profileDir: p.profileDir }));
    const loaders = await Promise.all(browsers.map((b) => coldLoader(b.context, b.extensionId)));
    const runs: ColdPhases[][] = profiles.map(() => []);
    for (let s = 0; s < count; s++) {
      const thread = threadFor((s * 977 + 5) % profiles[0]!.people);
      const order = s % 2 ? [...loaders.keys()].reverse() : [...loaders.keys()];
      for (const b of order) runs[b]!.push(await loaders[b]!(thread));
    }
    return runs.map((cold) => {
      const shown = cold.map((c) => c.shown);
      return {
        median: median(shown),
        p95: quantile(shown, 0.95),
        n: shown.length,
        afterResponse: median(cold.map((c) => c.shown - c.response)),
        // Load by load against the first profile's same load: what the machine's drift does to
        // both cancels out, where the difference of two medians keeps it.
        pairedDifference: median(cold.map((c, s) => c.shown - runs[0]![s]!.shown)),
        phases: medianPhases(cold),
      };
    });
  } finally {
    for (const b of browsers) await b.close();
  }
}
