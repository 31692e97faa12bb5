import type { ClydeDB } from '../../storage/db';
import { relaxed } from '../../storage/durability';
import { holdChanges, tellHeld, tellHeldNow } from '../../storage/held-changes';
import { deferWordIndex } from '../../storage/search/search-index';
import { WordsSeen } from '../../storage/search/words-seen';
import { PagesSeen } from '../../storage/summaries/pages-seen';
import { deferSummaries, rebuildSummariesLater } from '../../storage/summaries/queue';
import { CLIENT_PULL_LIMIT, type PullResponse } from '../protocol';
import { prederive } from '../view';
import { newerOnly } from './about';
import { SyncApiError, type SyncApi } from './api';
import { noteLostEdits } from './lost-edits';
import { advance, finish, startCount } from './catch-up';
import { identity, receiveClock } from './round';
import type { SyncOptions } from './runner';
import { getMeta, setMeta, syncTables, VIEW_ENTITIES } from './state';
import { Touched } from './touched';
import { t } from '../../i18n';

/**
 * The pull half of a round (research/sync.md §4.4, pull loop): page through the server's rows
 * after our cursor up to the seq it had when the pull began, applying each page in one
 * transaction, and start over from the server's state when it has lost history.
 */

/** What the next page is applied on top of: read from meta, then carried from page to page. */
interface Base {
  clientId: string;
  cursor: number;
  epoch: string | undefined;
}

async function readBase(db: ClydeDB): Promise<Base> {
  const [me, cursor = 0, epoch] = await Promise.all([identity(db), getMeta(db, 'cursor'), getMeta(db, 'serverEpoch')]);
  return { clientId: me.clientId, cursor, epoch };
}

/** What a first join's pages wrote, kept in memory for what follows them: search's words and Home's summaries. */
export interface PagesKept {
  words: WordsSeen;
  summaries: PagesSeen;
}

/** What a pull brought: how many rows the server sent, and a first join's pages kept (below). */
export interface Pulled {
  rows: number;
  seen?: PagesKept;
}

/**
 * Pulls until the server has nothing newer. Search's words and then Home's summaries, which its
 * pages left queued, are made by the caller (`indexQueued`, `summarizeQueued`, with `seen`): both
 * follow the records.
 */
export async function pullAll(db: ClydeDB, api: SyncApi, opts: SyncOptions): Promise<Pulled> {
  let rows = 0;
  let upTo: number | undefined;
  let resets = 0;
  let ahead: Prefetch | undefined;
  // Set when this catch-up is a first join (see below): what its pages wrote, kept for search's
  // indexing and Home's rebuild of every summary after it.
  let seen: PagesKept | undefined;
  // Read from meta at the start and after a reset; after a page, what that page will have left.
  // Reading it again between pages cost a catch-up a few round trips to IndexedDB per page, and
  // each page's transaction checks it still holds (`applyPage`), so nothing can move it unseen.
  let base: Base | undefined;
  // The page before, whose transaction may still be running (see below).
  let previous: Applying | undefined;
  /** Waits for the page before, and counts it; false when it did not apply (see `landed`). */
  const settle = async (next?: Applying) => {
    const before = previous;
    previous = undefined;
    const applied = !before || (await landed(before, next));
    if (applied) rows += before?.rows ?? 0;
    return applied;
  };
  try {
    for (;;) {
      base ??= await readBase(db);
      const { clientId, cursor, epoch } = base;
      const pull = (cursor: number, upTo: number | undefined) =>
        api.pull({
          cursor,
          clientId,
          limit: opts.pullLimit ?? CLIENT_PULL_LIMIT,
          ...(upTo !== undefined ? { upTo } : {}),
        });
      // The page fetched while the last one was applied counts only if it asked for what we would ask now.
      const page =
        ahead && ahead.clientId === clientId && ahead.cursor === cursor && ahead.upTo === upTo
          ? await ahead.page
          : await pull(cursor, upTo);
      ahead = undefined;
      // A new epoch, or a server behind our cursor, means it lost history: start over from its state.
      if ((epoch !== undefined && epoch !== page.serverEpoch) || page.upTo < cursor) {
        if (!(await settle())) {
          base = undefined;
          continue;
        }
        if (resets++ > 0) throw new SyncApiError('RESET_LOOP', t('syncErrors.resetLoop'));
        await resetServerState(db, page.serverEpoch);
        upTo = undefined;
        base = undefined;
        continue;
      }
      // Ask for the next page while this one is written: the network and the server overlap with
      // IndexedDB. Nothing is applied out of order; a failed or unneeded fetch is simply dropped.
      if (page.hasMore) {
        ahead = { clientId, cursor: page.cursor, upTo: page.upTo, page: pull(page.cursor, page.upTo) };
        // Its records are derived as soon as it comes, while IndexedDB writes this one (view.ts).
        ahead.page.then((next) => prederive(next.rows)).catch(() => undefined);
      }
      // The first page of a catch-up longer than one page: count it, for the progress line.
      const counting = upTo === undefined && page.hasMore ? startCount(db, api, cursor, page.upTo) : undefined;
      // A catch-up that brings more than the device holds (a first join) rebuilds every summary
      // once after it, which costs less than noting per record whom each belonged to before; it
      // and search's indexing read what the pages wrote from memory, not back from the database.
      if (upTo === undefined && page.hasMore)
        seen = (await db.people.count()) <= page.rows.length ? { words: new WordsSeen(), summaries: new PagesSeen() } : undefined;
      // Opened while the page before may still be writing: IndexedDB queues this transaction and
      // starts it the moment that one commits, its reads already asked, instead of after a round
      // trip to this worker; other pages' reads wait one page longer at most. It applies nothing
      // if the page before did not leave `base` (its own check), so it is only waited for then.
      const applying: Applying = { rows: page.rows.length, applied: applyPage(db, page, opts, seen, base) };
      if (!(await settle(applying))) {
        base = undefined;
        continue;
      }
      previous = applying;
      base = { clientId, cursor: page.cursor, epoch: page.serverEpoch };
      // The first page is in before it is counted, and before the next is opened: each page's
      // transaction adds to the count the first one records.
      if (counting || !page.hasMore) {
        if (!(await settle())) {
          base = undefined;
          continue;
        }
        await (
          await counting
        )?.(page.rows.length);
      }
      if (!page.hasMore) return { rows, seen };
      upTo = page.upTo;
    }
  } catch (err) {
    // A page still writing is let finish (or fail) first; what it wrote stays in.
    if (previous) await previous.applied.catch(() => undefined);
    await tellHeldNow(db).catch(() => undefined);
    throw err;
  } finally {
    // Pages read from here on are newer than any prioritized record noted so far (about.ts).
    opts.prioritized?.clear();
  }
}

/** A page whose transaction is open: whether it applied, and how many rows it holds. */
interface Applying {
  rows: number;
  applied: Promise<boolean>;
}

/**
 * Whether `page` applied. When it did not, or failed, `next` (opened after it, on top of what it
 * would have left) is waited for too, so that nothing is still writing when the caller goes on.
 */
async function landed(page: Applying, next?: Applying): Promise<boolean> {
  const applied = await page.applied.catch(async (err: unknown) => {
    await next?.applied.catch(() => undefined);
    throw err;
  });
  if (!applied) await next?.applied.catch(() => undefined);
  return applied;
}

/** Pages at least this big leave their search indexing to the end of the round (deferWordIndex). */
const DEFER_INDEX_ROWS = 200;

/** A pull request sent ahead of need, with what it asked for. */
interface Prefetch {
  clientId: string;
  cursor: number;
  upTo: number;
  page: Promise<PullResponse>;
}

/**
 * Applies one pull page in one transaction: server rows replace our copies, evictions drop
 * records we may no longer see, ops the server has reflected leave the outbox, and the views of
 * every touched record are derived again from the result. Applies nothing, and answers false,
 * when the device, cursor or epoch is no longer `base`, the state the page was asked for from.
 */
async function applyPage(db: ClydeDB, page: PullResponse, opts: SyncOptions, seen: PagesKept | undefined, base: Base): Promise<boolean> {
  // Relaxed: a page lost to a crash is lost with its cursor, and simply pulled again (durability.ts).
  return relaxed(() =>
    db.transaction('rw', [...syncTables(db), db.wordQueue], async () => {
      // Everything the page needs to read, asked at once: each request then waits a round trip to
      // the browser's IndexedDB, not its turn, and a page costs one round trip before its writes.
      const [me, cursor = 0, epoch, saved, progress, clock, srvCount, outboxCount] = await Promise.all([
        identity(db),
        getMeta(db, 'cursor'),
        getMeta(db, 'serverEpoch'),
        getMeta(db, 'seqBase'),
        getMeta(db, 'catchUp'),
        getMeta(db, 'hlc'),
        db.srv.count(),
        db.outbox.count(),
      ]);
      if (me.clientId !== base.clientId || cursor !== base.cursor || epoch !== base.epoch) return false;
      // Writes nothing waits for, issued now and awaited with the last ones: Dexie's own promises
      // (an async function left running here can lose the transaction: PrematureCommitError).
      const writes: Promise<unknown>[] = [];
      const touched = new Touched();
      // A catch-up's pages queue their people's summaries (or, a first join's, say everyone's and
      // keep what they write in `seen`), rebuilt once after it (pullAll's caller).
      if (seen) writes.push(rebuildSummariesLater(db, seen.summaries));
      else if (page.hasMore || page.rows.length >= DEFER_INDEX_ROWS) deferSummaries();
      // A record a prioritized pull brought meanwhile may be newer than this page's copy (about.ts).
      const suspects = opts.prioritized?.among(page.rows) ?? [];
      const stale = suspects.length ? new Set(suspects) : undefined;
      if (stale) for (const row of await newerOnly(db, suspects)) stale.delete(row);
      // Derivation decides which server rows need a copy in `srv` (sync/view.ts).
      for (const row of page.rows) if (!stale?.has(row)) touched.add(row.entity, row.id, row);
      for (const { entity, id } of page.evictions) {
        await db.srv.delete([entity, id]);
        await db.table(entity).delete(id);
        touched.add(entity, id, undefined);
      }
      let confirmedAny = false;
      if (saved?.clientId === me.clientId && page.lastClientSeq > 0) {
        const done = db.outbox
          .where('clientSeq')
          .belowOrEqual(page.lastClientSeq + saved.base)
          .and((op) => op.state === 'sent');
        const confirmed = await done.toArray();
        for (const op of confirmed) touched.add(op.entity, op.id);
        await noteLostEdits(db, confirmed, page.rows, me.clientId);
        await done.delete();
        confirmedAny = confirmed.length > 0;
      }
      if (page.rows.length >= DEFER_INDEX_ROWS) writes.push(deferWordIndex(db, touched.list(), seen?.words));
      // The counts read above still hold unless evictions or confirmed ops changed the tables since.
      const counts = page.evictions.length || confirmedAny ? undefined : { srv: srvCount, outbox: outboxCount };
      await touched.rederive(db, me.userId, counts);
      await Promise.all([
        ...writes,
        setMeta(db, 'cursor', page.cursor),
        setMeta(db, 'serverEpoch', page.serverEpoch),
        page.hasMore ? advance(db, page.rows.length, progress) : finish(db),
        receiveClock(db, me.clientId, page.serverHlc, opts.now(), confirmedAny ? undefined : (clock ?? null)),
      ]);
      // The pages of a catch-up tell live queries about once a second; the last tells all (held-changes.ts).
      if (page.hasMore) holdChanges();
      else tellHeld();
      return true;
    }),
  );
}

/** Forgets every server copy and re-derives the views from the outbox alone; the pull refills them. */
async function resetServerState(db: ClydeDB, epoch: string): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const me = await identity(db);
    const touched = new Touched();
    // Every server row is forgotten: the copies in `srv` and the view records standing for one.
    for (const row of await db.srv.toArray()) touched.add(row.entity, row.id, undefined);
    for (const entity of VIEW_ENTITIES) {
      const fromServer = await db
        .table(entity)
        .filter((r: { rowSeq: number }) => r.rowSeq > 0)
        .primaryKeys();
      for (const id of fromServer) touched.add(entity, id as string, undefined);
    }
    await db.srv.clear();
    // The new server may not have what the old one acknowledged: send it all again.
    await db.outbox.toCollection().modify({ state: 'pending' });
    await touched.rederive(db, me.userId);
    await setMeta(db, 'cursor', 0);
    await setMeta(db, 'serverEpoch', epoch);
    await finish(db);
  });
}
