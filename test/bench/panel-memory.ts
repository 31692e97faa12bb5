import { launchClyde, panelFrame, serve } from '../e2e/browser';
import { navigateInApp } from '../support/in-app-navigation';
import { syntheticSeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';
import { KEEP_NAMES } from './idb-floor';
import { threadFor } from './panel-speed';

/**
 * The panel frame's JS heap (issue 15 §9), in real Chromium with the built extension and a store
 * of `people` people with `notesEach` notes each: after `first` in-app navigations from one Gmail
 * thread to another, and again after `more` navigations on top. Each reading follows a full
 * garbage collection of the frame's isolate (Chrome DevTools Protocol, on the panel's own
 * out-of-process frame), so what is left is what the panel holds on to, and the growth between
 * the two readings is what it leaks per navigation.
 */
export async function panelMemoryBench({ people = 10_000, notesEach = 10, first = 50, more = 200 } = {}) {
  const clyde = await launchClyde({ blockNetwork: false });
  try {
    await seedExtension(clyde.context, clyde.extensionId, syntheticSeed(people, notesEach));
    let current = threadFor(0);
    await serve(clyde.context, 'https://mail.google.com', () => current.html);
    const page = await clyde.context.newPage();
    await page.goto(current.url);
    const panel = await panelFrame(page, clyde.extensionId);
    await panel.getByText('Customer 0', { exact: true }).first().waitFor();
    await panel.evaluate(KEEP_NAMES);
    const cdp = await clyde.context.newCDPSession(panel);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    };
    const atStart = await heap();

    let n = 0;
    const navigate = async (count: number) => {
      for (let s = 0; s < count; s++, n++) {
        current = threadFor((n * 331 + 1) % people);
        await navigateInApp(page, current);
        const name = current.html.match(/Customer \d+/)![0];
        // The whole person drawn, not just the name: the timeline's newest note is on screen.
        await panel.getByText(`Note 0 about ${name.toLowerCase()}:`, { exact: false }).first().waitFor();
      }
    };
    await navigate(first);
    const afterFirst = await heap();
    await navigate(more);
    const afterMore = await heap();
    return { people, notes: people * notesEach, first, more, atStart, afterFirst, afterMore };
  } finally {
    await clyde.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table([await panelMemoryBench({ first: Number(process.argv[2] ?? 50), more: Number(process.argv[3] ?? 200) })]);
}
