import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../../server/app';
import type { AppEnv } from '../../../server/http/env';
import { inviteLink, issueInvite } from '../../../server/invites';
import { createSqliteStore } from '../../../server/store/sqlite';
import type { StorageLimits } from '../../../server/store/storage-limits';
import type { SyncStore } from '../../../server/store/types';
import { ServerClock } from '../../../server/sync/server-clock';
import type { Fetch } from '../../../src/sync/client/api';

/** The base URL the in-process server answers on; `app.request` never opens a socket. */
const SIM_SERVER_URL = 'https://sync.sim.test';

/**
 * The real team server (Hono app + SQLite store in a temp dir) in this process, for client tests
 * and the simulator. `restart` closes the store and opens it again on the same files, which is
 * what a process restart looks like to clients. `now` is the server's wall clock.
 */
export interface SimServer {
  readonly dir: string;
  readonly teamId: string;
  /** Delivers one request to the current server instance. */
  fetch: Fetch;
  /** An invite link: a new member, or (with `userId`) another device of that member. */
  invite(userId?: string): Promise<string>;
  restart(): Promise<void>;
  /** The quota and retention from now on, as a restart with other flags would set them. */
  setStorage(storage: Partial<StorageLimits>): void;
  store(): SyncStore;
  close(): Promise<void>;
}

export async function startSimServer({
  now = Date.now,
  node = 'srv-sim',
  storage,
}: { now?: () => number; node?: string; storage?: Partial<StorageLimits> } = {}): Promise<SimServer> {
  const dir = mkdtempSync(join(tmpdir(), 'clyde-sim-'));
  let store = createSqliteStore({ dataDir: dir });
  await store.migrate();
  const clock = new ServerClock(now, node);
  let app: Hono<AppEnv> = createApp({ store, clock, limits: false, ...(storage ? { storage } : {}) });
  const { id: teamId } = await store.createTeam('Sim team', now());

  return {
    dir,
    teamId,
    fetch: async (url, init) => app.request(url, init),
    async invite(userId) {
      const at = now();
      const { code } = await issueInvite(store, at, {
        teamId,
        role: 'member',
        userId: userId ?? null,
        createdBy: null,
        maxUses: 1,
        expiresAt: at + 3_600_000,
      });
      return inviteLink(SIM_SERVER_URL, code);
    },
    async restart() {
      await store.close();
      store = createSqliteStore({ dataDir: dir });
      await store.migrate();
      // Same clock: a restarted process reads the wall clock again, and its node id is stable.
      app = createApp({ store, clock, limits: false, ...(storage ? { storage } : {}) });
    },
    setStorage(next) {
      storage = next;
      app = createApp({ store, clock, limits: false, storage });
    },
    store: () => store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
