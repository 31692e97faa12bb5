import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { ClydeDB } from '../../storage/db';
import { createSyncApi, type Fetch } from './api';
import { retryDelay } from './backoff';
import { indexQueued } from '../../storage/search/index-queued';
import type { WordsSeen } from '../../storage/search/words-seen';
import type { PagesSeen } from '../../storage/summaries/pages-seen';
import { summarizeQueued } from '../../storage/summaries/queue';
import { backingOff, recordRetry } from './retry-status';
import { syncOnce } from './runner';
import { rotateTokenIfDue } from './token-rotation';
import { getMeta, type Account } from './state';
import type { Correspondent } from '../../parsers/schema';
import { lookupsOf, Prioritized, pullAbout } from './about';
import { coveringEntry, neverLogSet } from '../../storage/records/never-log';

export const SYNC_ALARM = 'clyde-sync';
export const SYNC_LOCK = 'clyde-sync';
/** Held while search indexes what rounds queued; apart from SYNC_LOCK, so rounds go on meanwhile. */
export const INDEX_LOCK = 'clyde-search-index';
/** The periodic pull also restarts sync after the service worker was stopped (security.md req. 19). */
const ALARM_PERIOD_MINUTES = 1;
/** How long a joining device's round waits for the records about the people on screen before paging on. */
const PRIORITY_HEAD_START_MS = 1000;

/** The few extension APIs the service uses, so tests can drive it without a browser. */
export interface ServiceHost {
  createAlarm(name: string, periodInMinutes: number): void;
  onAlarm(listener: (name: string) => void): () => void;
  /** One holder per profile across the background and any page (Web Locks). */
  withLock(name: string, fn: () => Promise<void>): Promise<void>;
}

export interface SyncServiceOptions {
  db: ClydeDB;
  /** Defaults to the global `fetch`; tests and the simulator pass one backed by `app.request`. */
  fetch?: Fetch;
  host?: ServiceHost;
  now?: () => number;
  random?: () => number;
  /** The people on the pages open now, asked for when a catch-up starts (the background reads its tabs). */
  onScreen?: () => Promise<Correspondent[]>;
  /** Timer used for retries and stream reconnects; the alarm covers a worker that died meanwhile. */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

export interface SyncService {
  /**
   * Asks for a round; rounds never overlap, and requests during one run one more after it. The
   * background's router calls it for a page's `sync/now` (src/background/router.ts).
   */
  wake(): void;
  /**
   * The people on a page the user has open: while this device has not caught up with its team,
   * their records are pulled ahead of the rest (about.ts). Resolves when they are applied.
   */
  prioritize(people: readonly Correspondent[]): Promise<void>;
  /** Resolves when no round is running or requested, and search and Home have caught up with what rounds pulled. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Team sync in the MV3 background. Nothing lives only in memory: the outbox, cursor and status
 * are in IndexedDB, so a worker killed at any point resumes where it stopped. A round runs when
 * the periodic alarm fires, when the pending outbox count changes (a local write), when the
 * server pokes the event stream, and on `wake` (a page's `sync/now`, through the background's router).
 */
export function startSyncService(opts: SyncServiceOptions): SyncService {
  const { db } = opts;
  const fetch: Fetch = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const host = opts.host ?? browserHost();
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const setTimer = opts.setTimer ?? ((fn, ms) => clearTimeout.bind(null, setTimeout(fn, ms)));
  const cleanups: (() => void)[] = [];
  let stopped = false;
  let attempt = 0;
  let cancelRetry = () => {};

  const prioritized = new Prioritized();
  /** A first join's pages, kept by its round for search's indexing and then Home's summaries (runner.ts); each takes its own. */
  let words: WordsSeen | undefined;
  let pages: PagesSeen | undefined;
  /** Lookups already pulled ahead during this catch-up: a person is asked for once. */
  const asked = new Set<string>();
  /**
   * The account, its token rotated first when due, shared by whoever asks meanwhile: an ask for
   * the people on screen sent with the token a rotation was revoking was refused, and they waited
   * for the catch-up's turn.
   */
  let rotation: Promise<Account | undefined> | undefined;
  const rotatedAccount = () => (rotation ??= rotateTokenIfDue(db, fetch, now()).finally(() => (rotation = undefined)));

  /** Whether this device is still catching up: it never finished a round, or a counted catch-up runs. */
  async function catchingUp(): Promise<boolean> {
    return !(await getMeta(db, 'syncStatus'))?.lastSyncAt || (await getMeta(db, 'catchUp')) !== undefined;
  }

  async function prioritize(people: readonly Correspondent[]): Promise<void> {
    const account = await rotatedAccount();
    if (!account || stopped || !(await catchingUp())) return asked.clear();
    // Whom the user chose never to track is not asked about, not even of the team's own server.
    const never = await neverLogSet(db);
    const lookups = lookupsOf(people.filter((c) => !coveringEntry(never, c.email))).filter((l) => !asked.has(l));
    if (!lookups.length) return;
    for (const l of lookups) asked.add(l);
    const api = createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch });
    // Best effort: the catch-up brings the same records in their turn anyway.
    await pullAbout(db, api, lookups, prioritized).catch(() => lookups.forEach((l) => asked.delete(l)));
  }

  async function round(): Promise<void> {
    const account = await rotatedAccount();
    if (!account) return;
    const api = createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch });
    // A device that has not caught up asks first for the people already on screen. The round
    // waits for them (a little): started together, the first 1000-row page took IndexedDB first
    // and the person's records queued behind it, about a second late.
    if (opts.onScreen && (await catchingUp())) {
      const first = opts
        .onScreen()
        .then(prioritize)
        .catch(() => undefined);
      await Promise.race([first, new Promise<void>((resolve) => setTimer(resolve, PRIORITY_HEAD_START_MS))]);
    }
    try {
      const result = await syncOnce(db, api, { now, leaveDerived: true, prioritized });
      if (result.seen) ({ words, summaries: pages } = result.seen);
      attempt = 0;
    } catch (err) {
      const delay = retryDelay(err, attempt++, random);
      // A round run again within one request (no `wake` between) must not leave the previous timer.
      cancelRetry();
      if (delay !== undefined && !stopped) cancelRetry = setTimer(wake, delay);
      await recordRetry(db, delay === undefined ? undefined : now() + delay).catch(() => undefined);
    }
  }

  /**
   * Runs `work` under `lock`, one run at a time; a request during a run asks for one more run
   * after it, so nothing requested meanwhile is missed. `then` follows each series of runs.
   */
  function coalesced(lock: string, work: () => Promise<unknown>, then?: () => void) {
    let running: Promise<void> | undefined;
    let again = false;
    return {
      running: () => running,
      request() {
        if (stopped) return;
        if (running) return void (again = true);
        running = host
          .withLock(lock, async () => {
            do {
              again = false;
              await work();
            } while (again && !stopped);
          })
          .catch(() => undefined)
          .finally(() => {
            running = undefined;
            then?.();
          });
      },
    };
  }

  // What rounds queued is derived after they let go of the sync lock, so they count as done once
  // the records are in: search indexes first, under a lock of its own, so rounds go on meanwhile;
  // Home's summaries follow, back under the sync lock, so they are never rebuilt beside a round's
  // pages. Search comes first because a user who just joined looks people up from the panel, while
  // Home's lists are for the days after. A worker stopped halfway leaves the rest queued for the
  // next round's request.
  const summarizing = coalesced(SYNC_LOCK, () => {
    const kept = pages;
    pages = undefined;
    return summarizeQueued(db, kept);
  });
  const indexing = coalesced(
    INDEX_LOCK,
    () => {
      const kept = words;
      words = undefined;
      return indexQueued(db, kept);
    },
    summarizing.request,
  );
  const rounds = coalesced(SYNC_LOCK, round, indexing.request);

  function wake() {
    if (stopped) return;
    cancelRetry();
    rounds.request();
  }

  host.createAlarm(SYNC_ALARM, ALARM_PERIOD_MINUTES);
  // The alarm restarts sync after the worker was stopped, but not in the middle of a backoff.
  let alarmCheck = Promise.resolve();
  cleanups.push(
    host.onAlarm((name) => {
      if (name !== SYNC_ALARM) return;
      alarmCheck = backingOff(db, now()).then(
        (waiting) => void (waiting || wake()),
        () => wake(),
      );
    }),
  );
  // Local writes from any context of this profile (Dexie broadcasts them while we are awake).
  const pending = liveQuery(() => db.outbox.where('state').equals('pending').count()).subscribe({
    next: (n) => n > 0 && wake(),
    error: () => undefined,
  });
  cleanups.push(() => pending.unsubscribe());
  // The poke stream follows the account: joining, leaving or a new token restarts it.
  let stream: AbortController | undefined;
  const account = liveQuery(() => getMeta(db, 'account')).subscribe({
    next: (a) => {
      stream?.abort();
      stream = a ? new AbortController() : undefined;
      if (a && stream) void listen(a, stream.signal);
      wake();
    },
    error: () => undefined,
  });
  cleanups.push(() => {
    account.unsubscribe();
    stream?.abort();
  });

  /** Reads pokes until aborted; reconnects after failures with the same backoff as rounds. */
  async function listen(a: Account, signal: AbortSignal) {
    const api = createSyncApi({ serverUrl: a.serverUrl, token: a.token, fetch });
    let failures = 0;
    while (!signal.aborted && !stopped) {
      let failure: unknown;
      try {
        for await (const seq of api.events(signal)) {
          failures = 0;
          if (seq > ((await getMeta(db, 'cursor')) ?? 0)) wake();
        }
      } catch (err) {
        failure = err;
      }
      if (signal.aborted || stopped) return;
      const delay = retryDelay(failure, failures++, random);
      if (delay === undefined) return;
      await new Promise<void>((resolve) => {
        const cancel = setTimer(resolve, delay);
        signal.addEventListener('abort', () => (cancel(), resolve()), { once: true });
      });
    }
  }

  return {
    wake,
    prioritize,
    async idle() {
      await alarmCheck;
      let busy: Promise<void> | undefined;
      while ((busy = rounds.running() ?? indexing.running() ?? summarizing.running())) await busy;
    },
    stop() {
      stopped = true;
      cancelRetry();
      for (const c of cleanups) c();
    },
  };
}

/** The real extension host: `browser.alarms` and `navigator.locks`. */
function browserHost(): ServiceHost {
  const { alarms } = browser;
  return {
    createAlarm: (name, periodInMinutes) => void alarms.create(name, { periodInMinutes }),
    onAlarm(listener) {
      const l = (alarm: { name: string }) => listener(alarm.name);
      alarms.onAlarm.addListener(l);
      return () => alarms.onAlarm.removeListener(l);
    },
    async withLock(name, fn) {
      await navigator.locks.request(name, () => fn());
    },
  };
}
