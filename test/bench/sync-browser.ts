import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { loadTeam, sqliteStore } from '../../server/bench';
import { inviteLink, issueInvite } from '../../server/invites';
import { startHarness } from '../../server/test/harness';
import { launchClyde } from '../e2e/browser';
import { countInExtension } from '../support/seed-browser';

/**
 * The bootstrap of `npm run bench`'s sync figures, in real Chromium instead of Node +
 * fake-indexeddb: the built extension in a fresh profile joins a team of `records` records on
 * the in-process server (SQLite, over a local port) through the options page, and its own
 * background pulls and applies everything. Timed from the click on Connect until the extension's
 * own state says it is caught up: meta `cursor` at the team's sequence and a `syncStatus` with a
 * `lastSyncAt` (written at the end of the round), read by polling from the options page.
 */
export interface BrowserSyncFigures {
  records: number;
  /** Records in the profile's tables afterwards: every shared one of `records`. */
  rows: number;
  bootstrapMs: number;
  /** Until search has indexed everything too (big pull pages are indexed after the round's records). */
  searchReadyMs: number;
}

export async function browserSyncBench({ records = 100_000 } = {}): Promise<BrowserSyncFigures> {
  const h = await startHarness({ name: 'sqlite', open: sqliteStore });
  let http: ServerType | undefined;
  const clyde = await launchClyde({ blockNetwork: false });
  try {
    const team = await h.newTeam('bench');
    const writer = await h.join(team);
    await loadTeam(writer, records);
    const teamSeq = (await writer.pullOk({ limit: 1 })).upTo;

    await new Promise<void>((resolve) => {
      http = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    const baseUrl = `http://127.0.0.1:${(http!.address() as AddressInfo).port}`;
    const now = Date.now();
    const { code } = await issueInvite(h.store, now, {
      teamId: team,
      role: 'member',
      userId: null,
      createdBy: null,
      maxUses: 1,
      expiresAt: now + 600_000,
    });

    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await page.getByLabel('Invite link').fill(inviteLink(baseUrl, code));
    await page.getByLabel('Name of this device').fill('bench');
    const start = performance.now();
    await page.getByRole('button', { name: 'Connect' }).click();
    await waitFor(page, () => caughtUp(page, teamSeq));
    const bootstrapMs = performance.now() - start;
    await waitFor(page, async () => (await countInExtension(page, 'wordQueue')) === 0);
    const searchReadyMs = performance.now() - start;
    let rows = 0;
    for (const table of ['people', 'identities', 'notes', 'preferences', 'tasks']) rows += await countInExtension(page, table);
    return { records, rows, bootstrapMs, searchReadyMs };
  } finally {
    await clyde.close();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await h.close();
  }
}

async function waitFor(page: Page, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the extension was not done within 10 minutes (${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the profile's meta rows (as the panel's status line reads them) say the pull reached `seq`. */
function caughtUp(page: Page, seq: number): Promise<boolean> {
  return page.evaluate(
    (seq) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return (db.close(), resolve(false));
          const meta = db.transaction('meta').objectStore('meta');
          const cursor = meta.get('cursor');
          const status = meta.get('syncStatus');
          status.onsuccess = () => {
            db.close();
            const s = status.result?.value as { lastSyncAt?: number; pending?: number } | undefined;
            resolve((cursor.result?.value ?? 0) >= seq && s?.lastSyncAt !== undefined && s.pending === 0);
          };
          status.onerror = () => (db.close(), resolve(false));
        };
      }),
    seq,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table([await browserSyncBench({ records: Number(process.argv[2] ?? 100_000) })]);
}
