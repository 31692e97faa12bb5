import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchClyde, panelFrame, serve } from '../e2e/browser';
import { navigateInApp } from '../support/in-app-navigation';
import { syntheticSeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';
import { groups, isCompiledCode, retainerPath, survivors, takeSnapshot, type Snapshot } from './heap-snapshot';
import { threadFor } from './panel-speed';

/**
 * Dexie keeps a live query's last result for 3 s after its last subscriber leaves (its cache
 * middleware's `enqueForDeletion`), so a reading taken sooner counts the last few people shown:
 * that is what made one reading differ from the next by up to a megabyte. Waiting this long first
 * lets them go.
 */
const QUERY_CACHE_GRACE_MS = 3_500;

/** The fixture thread's sender photos. Served, as Gmail serves them: offline, each failed load left a console message and a timing entry behind. */
const PHOTO_HOST = 'https://lh3.googleusercontent.com';
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface Reading {
  /** After `navigations` in-app navigations. */
  navigations: number;
  /** The isolate's used heap, after full collections until it shrinks no more. */
  used: number;
  /** Of which V8's compiled code (isCompiledCode), as the snapshot counts it. */
  code: number;
  domNodes: number;
  listeners: number;
  snapshot: Snapshot;
}

async function read(cdp: CDPSession, page: Page, navigations: number): Promise<Reading> {
  await page.waitForTimeout(QUERY_CACHE_GRACE_MS);
  // One collection can leave what only a finalizer or a weak callback of it released: collect
  // until the heap stops shrinking.
  let used = Infinity;
  for (let i = 0; i < 6; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    if (usedSize > used - 1024) break;
    used = usedSize;
  }
  const { nodes: domNodes, jsEventListeners: listeners } = await cdp.send('Memory.getDOMCounters');
  const snapshot = await takeSnapshot(cdp);
  const code = snapshot.nodes.reduce((sum, n) => sum + (isCompiledCode(n) ? n.selfSize : 0), 0);
  return { navigations, used, code, domNodes, listeners, snapshot };
}

/**
 * The panel frame's JS heap (issue 15 §9), in real Chromium with the built extension and a store
 * of `people` people with `notesEach` notes each, each navigation to a thread with another person:
 * read after `first` in-app navigations, after `more` on top, and after `more` again. Each reading
 * follows full garbage collections of the frame's isolate (Chrome DevTools Protocol, on the
 * panel's own out-of-process frame).
 *
 * Growth alone cannot tell a leak from warm-up: V8 keeps compiling hot functions for hundreds of
 * navigations. So each reading also takes a heap snapshot, and the objects made during the middle
 * stretch that are still alive at the end (the three-snapshot comparison, compiled code left out)
 * are counted: a leak of N bytes a navigation leaves about `more` × N there; a warm cache, nothing.
 */
export async function panelMemoryBench({ people = 10_000, notesEach = 10, first = 50, more = 200, extensionDir = EXTENSION_DIR } = {}) {
  const clyde = await launchClyde({ blockNetwork: false, extensionDir });
  try {
    await seedExtension(clyde.context, clyde.extensionId, syntheticSeed(people, notesEach));
    let current = threadFor(0);
    await serve(clyde.context, 'https://mail.google.com', () => current.html);
    await clyde.context.route(`${PHOTO_HOST}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'image/gif', headers: { 'cache-control': 'max-age=86400' }, body: PIXEL }),
    );
    const page = await clyde.context.newPage();
    await page.goto(current.url);
    const panel = await panelFrame(page, clyde.extensionId);
    await panel.getByText('Customer 0', { exact: true }).first().waitFor();
    const cdp = await clyde.context.newCDPSession(panel);

    let n = 0;
    const navigate = async (count: number) => {
      for (let s = 0; s < count; s++, n++) {
        // 331 is prime to 10,000: every navigation shows someone not shown before.
        current = threadFor((n * 331 + 1) % people);
        await navigateInApp(page, current);
        const name = current.html.match(/Customer \d+/)![0];
        // The whole person drawn, not just the name: the timeline's newest note is on screen.
        await panel.getByText(`Note 0 about ${name.toLowerCase()}:`, { exact: false }).first().waitFor();
      }
      return read(cdp, page, n);
    };
    const a = await navigate(first);
    const b = await navigate(more);
    const c = await navigate(more);
    const kept = survivors(a.snapshot, b.snapshot, c.snapshot);
    const kinds = groups(b.snapshot, kept);
    const figures = ({ snapshot: _, ...r }: Reading) => r;
    return {
      people,
      notes: people * notesEach,
      more,
      readings: [figures(a), figures(b), figures(c)] as const,
      survivors: {
        count: kept.length,
        bytes: kinds.reduce((sum, g) => sum + g.bytes, 0),
        // Of which the page's JS objects, rather than the browser's own (DOM, performance entries).
        jsBytes: kept.reduce((sum, i) => sum + (b.snapshot.nodes[i]!.type === 'native' ? 0 : b.snapshot.nodes[i]!.selfSize), 0),
      },
      // The largest kinds left, and where one of each hangs: where to look when this is not nothing.
      kinds: kinds.slice(0, 5).map((g) => ({ ...g, path: retainerPath(b.snapshot, g.sample) })),
    };
  } finally {
    await clyde.close();
  }
}
