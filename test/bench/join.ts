import type { AddressInfo } from 'node:net';
import { serve as serveHttp, type ServerType } from '@hono/node-server';
import type { Frame, Page } from 'playwright-core';
import { loadTeam, sqliteStore } from '../../server/bench';
import { inviteLink, issueInvite } from '../../server/invites';
import { nextStamp, startHarness, type Member } from '../../server/test/harness';
import { CLIENT_PULL_LIMIT, type Op } from '../../src/sync/protocol';
import { launchClyde, panelFrame, serve } from '../e2e/browser';
import { fixture } from '../e2e/fixtures';
import { dumpStores, KEEP_NAMES, rawPutFloor } from './idb-floor';

/**
 * Joining a big team, as a user meets it (issue 15 §8): the built extension in a fresh Chromium
 * profile has a Gmail thread open whose sender has 50 records in a team of `records`, then joins
 * the team on the options page. Timed from the click on Connect, all in one run:
 * - until the panel beside the thread shows that person's records (the prioritized pull);
 * - until the catch-up is done (meta `cursor` at the team's seq, a round recorded), and until
 *   search has indexed everything;
 * - the floor: the same rows, read back from the profile, put raw into a fresh IndexedDB database
 *   with the same stores and indexes, as many rows a transaction as a pull page brings, no app
 *   logic, in a fresh profile of its own once the joined browser is closed: it starts from an
 *   empty store as the joining device did, with nothing else on the cores. Put beside what the
 *   join left (the same profile, whose LevelDB all its databases share, with that browser still
 *   settling), as earlier sessions measured it, it took 0–40 % longer; both are shown;
 *   and the same for the search index's rows, which bounds how soon search can be complete.
 * The person's records are pushed last, so the seq-ordered catch-up alone brings them at its end.
 */
interface JoinFigures {
  records: number;
  personShownMs: number;
  catchUpMs: number;
  searchReadyMs: number;
  /** Until Home's summaries are rebuilt (its queue empty). */
  homeReadyMs: number;
  floorMs: number;
  floorRows: number;
  /** The same floor put in the joined profile, beside what the join left. */
  floorBesideMs: number;
  /** The same floor for the search index's rows (`words` and `wordGroups`): what indexing costs at the least. */
  wordsFloorMs: number;
  /**
   * Read transactions the Gmail panel opened during the catch-up: its live queries re-reading
   * what the join's pages told them had changed. Unlike the times, this does not drift with the
   * machine's speed.
   */
  panelReads: number;
  /** The progress line as the options page showed it, first and last seen. */
  progress: string[];
}

const PERSON = { id: 'p-join', name: 'Joan Prior', email: 'joan.prior@example.com' };
const NEWEST_NOTE = 'join note 39: renewal call went well';

/** The person on screen and 49 records about them: 2 addresses, 40 notes, 5 preferences, 2 tasks. */
function personOps(writer: Member, firstSeq: number): Op[] {
  let seq = firstSeq;
  const base = { scope: 'team', ownerId: writer.userId, deleted: false };
  const op = (entity: Op['entity'], id: string, set: Op['set']): Op => ({
    clientSeq: seq++,
    entity,
    id,
    hlc: nextStamp(writer.clientId),
    set: { ...base, ...set },
  });
  const about = { personId: PERSON.id };
  return [
    op('people', PERSON.id, { name: PERSON.name, company: 'Prior & Co' }),
    op('identities', `${PERSON.id}|email:${PERSON.email}`, { ...about, kind: 'email', value: PERSON.email, display: PERSON.email }),
    op('identities', `${PERSON.id}|email:joan@prior.example`, {
      ...about,
      kind: 'email',
      value: 'joan@prior.example',
      display: 'joan@prior.example',
    }),
    ...Array.from({ length: 40 }, (_, i) =>
      op('notes', `n-join-${i}`, {
        ...about,
        kind: 'note',
        body: i === 39 ? NEWEST_NOTE : `join note ${i}`,
        occurredAt: Date.now() - (40 - i) * 86_400_000,
      }),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      op('preferences', `${PERSON.id}|pref-${i}`, { ...about, key: `pref ${i}`, value: `value ${i}`, pinned: false }),
    ),
    ...Array.from({ length: 2 }, (_, i) => op('tasks', `t-join-${i}`, { ...about, title: `Follow up ${i}`, done: false })),
  ];
}

export async function joinBench({
  records = 100_000,
  extensionDir,
}: { records?: number; extensionDir?: string } = {}): Promise<JoinFigures> {
  const h = await startHarness({ name: 'sqlite', open: sqliteStore });
  let http: ServerType | undefined;
  const clyde = await launchClyde({ blockNetwork: false, ...(extensionDir ? { extensionDir } : {}) });
  try {
    const team = await h.newTeam('bench');
    const writer = await h.join(team);
    await loadTeam(writer, records);
    const mine = personOps(writer, records + 1);
    await writer.pushOk(mine);
    const teamSeq = (await writer.pullOk({ limit: 1 })).upTo;

    await new Promise<void>((resolve) => {
      http = serveHttp({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
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

    await clyde.context.addInitScript({ content: `${KEEP_NAMES}; (${countReadTransactions.toString()})();` });
    // The thread is open before the device joins: its panel knows nobody yet.
    const thread = fixture('gmail', 'thread-cc');
    const html = thread.html.replaceAll('bruno.costa@example.org', PERSON.email).replaceAll('Bruno Costa', 'J. Prior');
    await serve(clyde.context, 'https://mail.google.com', () => html);
    const gmail = await clyde.context.newPage();
    await gmail.goto(thread.url);
    const panel = await panelFrame(gmail, clyde.extensionId);
    await panel.locator('body').waitFor();
    await panel.evaluate(KEEP_NAMES);
    const shown = whenShown(panel, NEWEST_NOTE);

    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await page.getByLabel('Invite link').fill(inviteLink(baseUrl, code));
    await page.getByLabel('Name of this device').fill('bench');
    await panel.evaluate(() => ((globalThis as Counted).readTransactions = 0));
    const start = performance.timeOrigin + performance.now();
    await page.getByRole('button', { name: 'Connect' }).click();
    const progress: string[] = [];
    await waitFor(page, async () => {
      // Read as it is now, without Playwright's wait for the element (which a 1 ms timeout never met).
      const line = await page.evaluate(() => document.querySelector('[data-testid=catch-up]')?.textContent ?? null).catch(() => null);
      if (line && progress.at(-1) !== line) progress.push(line);
      // The database is asked only while no progress line shows: a connection and a read of meta
      // every 100 ms would take turns with the catch-up's pages, which no user's page does.
      return !line && caughtUp(page, teamSeq);
    });
    const catchUpMs = performance.timeOrigin + performance.now() - start;
    const personShownMs = (await shown) - start;
    const panelReads = await panel.evaluate(() => (globalThis as Counted).readTransactions!);
    // Search's words, then Home's summaries, follow the records (sync/client/service.ts): each is
    // timed when its queue is first seen empty.
    let searchReadyMs = 0;
    let homeReadyMs = 0;
    await waitFor(page, async () => {
      const [words, summaries] = await queued(page);
      const at = performance.timeOrigin + performance.now() - start;
      if (!words) searchReadyMs ||= at;
      if (!summaries) homeReadyMs ||= at;
      return !words && !summaries;
    });
    await gmail.close();
    const stores = ['people', 'identities', 'notes', 'preferences', 'tasks'];
    const floorBeside = await rawPutFloor(page, stores, CLIENT_PULL_LIMIT);
    const wordsFloor = await rawPutFloor(page, ['words', 'wordGroups'], CLIENT_PULL_LIMIT);
    const joined = await dumpStores(page, stores);
    // Closed first: its browser may still be compacting what the join wrote, on the same cores.
    await clyde.close();
    const fresh = await launchClyde({ blockNetwork: false, ...(extensionDir ? { extensionDir } : {}) });
    const floor = await (async () => {
      try {
        const empty = await fresh.context.newPage();
        await empty.goto(`chrome-extension://${fresh.extensionId}/options.html`);
        return await rawPutFloor(empty, stores, CLIENT_PULL_LIMIT, joined);
      } finally {
        await fresh.close();
      }
    })();
    return {
      records: records + mine.length,
      personShownMs,
      catchUpMs,
      searchReadyMs,
      homeReadyMs,
      floorMs: floor.ms,
      floorRows: floor.rows,
      floorBesideMs: floorBeside.ms,
      wordsFloorMs: wordsFloor.ms,
      panelReads,
      progress: progress.length > 2 ? [progress[0]!, progress.at(-1)!] : progress,
    };
  } finally {
    await clyde.close();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await h.close();
  }
}

type Counted = typeof globalThis & { readTransactions?: number };

/** Run in every page and frame before its scripts: counts the read-only transactions it opens once `readTransactions` is set. */
function countReadTransactions() {
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const g = globalThis as Counted;
    if (g.readTransactions !== undefined && (args[1] ?? 'readonly') === 'readonly') g.readTransactions++;
    return open.apply(this, args);
  };
}

/** The epoch time (from the panel's own clock) at which `text` first shows in the panel. */
async function whenShown(panel: Frame, text: string): Promise<number> {
  return panel.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const check = () => document.body.textContent?.includes(text);
        if (check()) return resolve(performance.timeOrigin + performance.now());
        const seen = new MutationObserver(() => {
          if (!check()) return;
          seen.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        seen.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    text,
  );
}

async function waitFor(page: Page, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the extension was not done within 10 minutes (${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The bench's questions to Clyde's database, asked from an extension page on one connection kept
 * open: opening one for each look, ten times a second, cost the browser's IndexedDB thread (the
 * one the join writes on) a transfer of the whole schema every time.
 */
interface Probe {
  /** Whether meta says the pull reached `seq` and a round finished. */
  caughtUp(seq: number): Promise<boolean>;
  /** How many batches of records search has yet to index. */
  /** The rows queued for search's words and for Home's summaries. */
  queued(): Promise<[number, number]>;
}
type WithProbe = typeof globalThis & { probe?: Probe };

/** Gives the extension page `probe`, once; its connection gives way to an upgrade, and the next question opens another. */
async function withProbe(page: Page): Promise<void> {
  await page.evaluate(KEEP_NAMES);
  await page.evaluate(() => {
    const g = globalThis as WithProbe;
    if (g.probe) return;
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const db = req(indexedDB.open('clyde')).then((db) => {
      db.onversionchange = () => (db.close(), delete g.probe);
      return db;
    });
    g.probe = {
      async caughtUp(seq) {
        const meta = (await db).transaction('meta').objectStore('meta');
        const [cursor, status] = await Promise.all([req(meta.get('cursor')), req(meta.get('syncStatus'))]);
        return (cursor?.value ?? 0) >= seq && status?.value?.lastSyncAt !== undefined;
      },
      async queued() {
        const tx = (await db).transaction(['wordQueue', 'summaryQueue']);
        return Promise.all([req(tx.objectStore('wordQueue').count()), req(tx.objectStore('summaryQueue').count())]);
      },
    };
  });
}

async function caughtUp(page: Page, seq: number): Promise<boolean> {
  await withProbe(page);
  return page.evaluate((seq) => (globalThis as WithProbe).probe!.caughtUp(seq), seq);
}

async function queued(page: Page): Promise<[number, number]> {
  await withProbe(page);
  return page.evaluate(() => (globalThis as WithProbe).probe!.queued());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const records = Number(process.argv[2] ?? 100_000);
  const before = process.env.CLYDE_BENCH_BEFORE;
  // The older build first, as the table lists it; run order shows in the figures on a busy machine, so swap runs when in doubt.
  const runs = before ? [await joinBench({ records, extensionDir: before })] : [];
  runs.push(await joinBench({ records }));
  console.table(runs.map((r) => ({ ...r, ratio: +(r.catchUpMs / r.floorMs).toFixed(2) })));
}
