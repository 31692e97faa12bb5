import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { inviteLink, issueInvite } from '../../server/invites';
import { createSqliteStore } from '../../server/store/sqlite';
import type { SyncStore } from '../../server/store/types';
import { launchClyde, type Clyde } from './browser';
import { countInExtension } from '../support/seed-browser';

/**
 * Team sync end to end: the real server on a local port, two Chromium profiles with the built
 * extension, each joined through the options page. A note is written into one profile's database
 * the way the mutators write it (record + outbox op); the background must carry it to the other,
 * also when the server was unreachable at the time of the edit and when the service worker is
 * stopped while its push is on the wire.
 */

let dir: string;
let store: SyncStore;
let http: ServerType | undefined;
let port = 0;
let baseUrl: string;
let teamId: string;
const profiles: { clyde: Clyde; page: Page }[] = [];

/** While set, pushes are held here (in flight, unanswered) instead of reaching the server. */
let holdPushes: { arrived: () => void; released: Promise<void> } | undefined;

async function startServer(): Promise<void> {
  const app = createApp({ store });
  const fetch = async (req: Request) => {
    const hold = holdPushes;
    if (hold && new URL(req.url).pathname === '/v1/sync/push') {
      hold.arrived();
      await hold.released;
      // The push never reaches the store: only the device's outbox still has the edit.
      return new Response(null, { status: 503 });
    }
    return app.fetch(req);
  };
  await new Promise<void>((resolve) => {
    http = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (http!.address() as AddressInfo).port;
}

/** Takes the server off the network, event streams included; the data stays in `store`. */
async function stopServer(): Promise<void> {
  const server = http as (ServerType & { closeAllConnections?: () => void }) | undefined;
  http = undefined;
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections?.();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clyde-e2e-sync-'));
  store = createSqliteStore({ dataDir: dir });
  await store.migrate();
  teamId = (await store.createTeam('E2E team', Date.now())).id;
  await startServer();
  baseUrl = `http://127.0.0.1:${port}`;
  for (const name of ['alice', 'bob']) {
    const clyde = await launchClyde();
    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const { code } = await issueInvite(store, Date.now(), {
      teamId,
      role: 'member',
      userId: null,
      createdBy: null,
      maxUses: 1,
      expiresAt: Date.now() + 600_000,
    });
    await page.getByLabel('Invite link').fill(inviteLink(baseUrl, code));
    await page.getByLabel('Name of this device').fill(name);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(`Connected to ${baseUrl}`).waitFor();
    profiles.push({ clyde, page });
  }
});

afterAll(async () => {
  for (const p of profiles) await p.clyde.close();
  await stopServer();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes a record as `writeRecord` would (record and outbox op in one transaction, the device's
 * user as owner, shared or private) and asks for a sync.
 */
function writeRaw(page: Page, entity: string, id: string, fields: Record<string, unknown>, shared: boolean) {
  return page.evaluate(
    ({ entity, id, fields, shared }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([entity, 'outbox', 'meta'], 'readwrite');
          const device = tx.objectStore('meta').get('device');
          device.onsuccess = () => {
            const { clientId, userId } = device.result.value as { clientId: string; userId: string };
            const hlc = `${Date.now().toString(36).padStart(9, '0')}.0000.${clientId}`;
            const set = { scope: shared ? 'team' : `user:${userId}`, ownerId: userId, deleted: false, ...fields };
            const clocks = Object.fromEntries(Object.keys(set).map((k) => [k, hlc]));
            tx.objectStore(entity).put({ ...set, id, clocks, rowSeq: 0, updatedAt: Date.now() });
            tx.objectStore('outbox').add({ entity, id, set, hlc, state: 'pending' });
          };
          tx.oncomplete = () => {
            db.close();
            // The background's only entry for pages: the `sync/now` message.
            const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
            void chrome.runtime.sendMessage({ type: 'sync/now' }).then(
              () => resolve(),
              () => resolve(),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { entity, id, fields, shared },
  );
}

function writeNote(page: Page, note: { id: string; body: string; shared: boolean }) {
  return writeRaw(page, 'notes', note.id, { personId: 'e2e-person', kind: 'note', body: note.body, occurredAt: Date.now() }, note.shared);
}

/** Asks the background for a round, as the panel's "Sync now" does; this also wakes a stopped worker. */
function syncNow(page: Page) {
  return page.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ type: 'sync/now' }).then(
      () => undefined,
      () => undefined,
    );
  });
}

/** Stops the profile's extension service worker the way Chrome does when it idles out. */
async function stopServiceWorker(clyde: Clyde, page: Page): Promise<void> {
  const cdp = await clyde.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${clyde.extensionId}/`));
    if (!worker) throw new Error('no extension service worker is running');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await expect
      .poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.targetId === worker.targetId), { timeout: 10_000 })
      .toBe(false);
  } finally {
    await cdp.detach();
  }
}

/** One row of Clyde's database, read raw from an extension page. */
function readRow<T>(page: Page, table: string, key: string) {
  return page.evaluate(
    ({ table, key }) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(table).objectStore(table).get(key);
          get.onsuccess = () => (open.result.close(), resolve(get.result as T | undefined));
          get.onerror = () => reject(get.error);
        };
      }),
    { table, key },
  );
}

function readNote(page: Page, id: string) {
  return readRow<{ body: string; scope: string }>(page, 'notes', id);
}

/** Pauses or resumes the background's periodic sync alarm (`SYNC_ALARM`, every minute), from an extension page. */
async function alarms(page: Page, action: 'pause' | 'resume'): Promise<void> {
  await page.evaluate(async (action) => {
    const { chrome } = globalThis as unknown as {
      chrome: { alarms: { clear(n: string): Promise<boolean>; create(n: string, o: object): Promise<void> } };
    };
    if (action === 'pause') await chrome.alarms.clear('clyde-sync');
    else await chrome.alarms.create('clyde-sync', { periodInMinutes: 1 });
  }, action);
}

/** When this profile's last sync round succeeded, as the sync client recorded it. */
async function lastSyncAt(page: Page): Promise<number> {
  return (await readRow<{ value: { lastSyncAt?: number } }>(page, 'meta', 'syncStatus'))?.value.lastSyncAt ?? 0;
}

describe('team sync between two browsers', () => {
  it('a shared note written in one profile appears in the other; a private one never does', async () => {
    const [alice, bob] = profiles as [(typeof profiles)[0], (typeof profiles)[0]];
    const shared = { id: crypto.randomUUID(), body: 'Shared: prefers calls in the morning', shared: true };
    const secret = { id: crypto.randomUUID(), body: 'Private: negotiating a discount', shared: false };
    await writeNote(alice.page, secret);
    const written = Date.now();
    await writeNote(alice.page, shared);
    await expect
      .poll(() => readNote(bob.page, shared.id), { timeout: 20_000, interval: 50 })
      .toMatchObject({ body: shared.body, scope: 'team' });
    // Observed, not asserted (speed belongs to `npm run bench`): the goal is within 2 s of the pull.
    console.log(`observed: a shared note reached the teammate's database ${Date.now() - written} ms after the edit (push, poke, pull)`);
    // The private note was pushed first, so Bob has pulled past it too.
    expect(await readNote(bob.page, secret.id)).toBeUndefined();
    await alice.page.getByText('Synced just now').waitFor();
    expect(await readNote(alice.page, secret.id)).toMatchObject({ body: secret.body });
  });

  it('a shared opportunity reaches a teammate’s board, with its company; a private one never does', async () => {
    const [alice, bob] = profiles as [(typeof profiles)[0], (typeof profiles)[0]];
    const board = await bob.clyde.context.newPage();
    await board.goto(`chrome-extension://${bob.clyde.extensionId}/home.html#/board`);
    await board.locator('[data-testid=board][aria-busy=false]').waitFor();

    const company = `co-${crypto.randomUUID()}`;
    const deal = (title: string) => ({ title, companyId: company, personIds: '', stageId: 'stage-proposal', stageAt: Date.now() });
    const secret = crypto.randomUUID();
    const shared = crypto.randomUUID();
    await writeRaw(alice.page, 'companies', company, { name: 'Acme Mills' }, true);
    await writeRaw(alice.page, 'opportunities', secret, deal('Private: discount we may offer'), false);
    await writeRaw(alice.page, 'opportunities', shared, deal('Spring order'), true);

    await expect.poll(() => readRow(bob.page, 'opportunities', shared), { timeout: 20_000, interval: 50 }).toMatchObject({ scope: 'team' });
    const pulled = Date.now();
    const card = board.getByTestId('board-card').filter({ hasText: 'Spring order' });
    await card.waitFor();
    // Observed, not asserted (speed belongs to `npm run bench`): the goal is within 2 s of the pull.
    console.log(`observed: a shared opportunity was on the teammate's board ${Date.now() - pulled} ms after its pull`);
    expect(await card.textContent()).toContain('Acme Mills');
    // The private deal was pushed first, so Bob has pulled past it.
    expect(await readRow(bob.page, 'opportunities', secret)).toBeUndefined();
    expect(await board.getByTestId('board-card').filter({ hasText: 'Private' }).count()).toBe(0);
    await board.close();
  });

  it('the panel shows the sync status line with Sync now once the profile is in a team', async () => {
    const [alice] = profiles as [(typeof profiles)[0]];
    const panel = await alice.clyde.context.newPage();
    try {
      await panel.goto(`chrome-extension://${alice.clyde.extensionId}/sidepanel.html`);
      await panel.getByText(/^Synced (just now|\d+ min ago)$/).waitFor();
      // The line may already say "Synced just now": what only the click can bring is a round that
      // succeeded after it, so wait for the recorded time of the last round to pass the click's.
      // The minute alarm is paused meanwhile, so no scheduled round can stand in for the click.
      await alarms(panel, 'pause');
      const clicked = Date.now();
      await panel.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(() => lastSyncAt(panel), { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(clicked);
      await panel.getByText('Synced just now').waitFor();
    } finally {
      await alarms(panel, 'resume');
      await panel.close();
    }
  });

  it('an edit made while the server is unreachable arrives after it is back', async () => {
    const [alice, bob] = profiles as [(typeof profiles)[0], (typeof profiles)[0]];
    await stopServer();
    const offline = { id: crypto.randomUUID(), body: 'Written offline: call back on Friday', shared: true };
    await writeNote(alice.page, offline);
    await alice.page.getByText(/Cannot reach the sync server/).waitFor({ timeout: 20_000 });
    expect(await countInExtension(alice.page, 'outbox')).toBeGreaterThan(0);
    expect(await readNote(alice.page, offline.id)).toMatchObject({ body: offline.body });
    await startServer();
    // No nudge: the background's retry (backoff) and the teammate's event-stream reconnect carry it.
    await expect
      .poll(() => readNote(bob.page, offline.id), { timeout: 60_000, interval: 250 })
      .toMatchObject({ body: offline.body, scope: 'team' });
    await expect.poll(() => countInExtension(alice.page, 'outbox'), { timeout: 20_000 }).toBe(0);
  });

  it('a service worker stopped while its push is in flight loses nothing: the edit arrives after it restarts', async () => {
    const [alice, bob] = profiles as [(typeof profiles)[0], (typeof profiles)[0]];
    let arrived!: () => void;
    let release!: () => void;
    const pushArrived = new Promise<void>((resolve) => (arrived = resolve));
    holdPushes = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
    const note = { id: crypto.randomUUID(), body: 'Survives a worker restart', shared: true };
    try {
      await writeNote(alice.page, note);
      await pushArrived;
      await stopServiceWorker(alice.clyde, alice.page);
    } finally {
      holdPushes = undefined;
      release();
    }
    expect(await readNote(bob.page, note.id)).toBeUndefined();
    expect(await countInExtension(alice.page, 'outbox')).toBeGreaterThan(0);
    // A message wakes the worker (so would the next alarm); it finds the edit in the outbox.
    await syncNow(alice.page);
    await expect
      .poll(() => readNote(bob.page, note.id), { timeout: 30_000, interval: 250 })
      .toMatchObject({ body: note.body, scope: 'team' });
    await expect.poll(() => countInExtension(alice.page, 'outbox'), { timeout: 20_000 }).toBe(0);
  });
});
