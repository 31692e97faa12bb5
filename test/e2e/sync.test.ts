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

/**
 * Team sync end to end: the real server on a local port, two Chromium profiles with the built
 * extension, each joined through the options page. A note is written into one profile's database
 * the way the mutators write it (record + outbox op); the background must carry it to the other.
 */

let dir: string;
let store: SyncStore;
let http: ServerType;
let baseUrl: string;
let teamId: string;
const profiles: { clyde: Clyde; page: Page }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clyde-e2e-sync-'));
  store = createSqliteStore({ dataDir: dir });
  await store.migrate();
  teamId = (await store.createTeam('E2E team', Date.now())).id;
  const app = createApp({ store });
  await new Promise<void>((resolve) => {
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  for (const name of ['alice', 'bob']) {
    const clyde = await launchClyde();
    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const { code } = await issueInvite(store, Date.now(), { teamId, role: 'member', userId: null, createdBy: null, maxUses: 1, expiresAt: Date.now() + 600_000 });
    await page.getByLabel('Invite link').fill(inviteLink(baseUrl, code));
    await page.getByLabel('Name of this device').fill(name);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(`Connected to ${baseUrl}`).waitFor();
    profiles.push({ clyde, page });
  }
});

afterAll(async () => {
  for (const p of profiles) await p.clyde.close();
  http?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes a note as `writeRecord` would (record and outbox op in one transaction) and asks for a sync. */
function writeNote(page: Page, note: { id: string; body: string; shared: boolean }) {
  return page.evaluate(
    (note) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['notes', 'outbox', 'meta'], 'readwrite');
          const device = tx.objectStore('meta').get('device');
          device.onsuccess = () => {
            const { clientId, userId } = device.result.value as { clientId: string; userId: string };
            const hlc = `${Date.now().toString(36).padStart(9, '0')}.0000.${clientId}`;
            const set = {
              scope: note.shared ? 'team' : `user:${userId}`,
              ownerId: userId,
              deleted: false,
              personId: 'e2e-person',
              kind: 'note',
              body: note.body,
              occurredAt: Date.now(),
            };
            const clocks = Object.fromEntries(Object.keys(set).map((k) => [k, hlc]));
            tx.objectStore('notes').put({ ...set, id: note.id, clocks, rowSeq: 0, updatedAt: Date.now() });
            tx.objectStore('outbox').add({ entity: 'notes', id: note.id, set, hlc, state: 'pending' });
          };
          tx.oncomplete = () => {
            db.close();
            // The background's only entry for pages: the `sync/now` message.
            const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
            void chrome.runtime.sendMessage({ type: 'sync/now' }).then(() => resolve(), () => resolve());
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    note,
  );
}

function readNote(page: Page, id: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ body: string; scope: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('notes').objectStore('notes').get(id);
          get.onsuccess = () => (open.result.close(), resolve(get.result as { body: string; scope: string } | undefined));
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

describe('team sync between two browsers', () => {
  it('a shared note written in one profile appears in the other; a private one never does', async () => {
    const [alice, bob] = profiles as [(typeof profiles)[0], (typeof profiles)[0]];
    const shared = { id: crypto.randomUUID(), body: 'Shared: prefers calls in the morning', shared: true };
    const secret = { id: crypto.randomUUID(), body: 'Private: negotiating a discount', shared: false };
    await writeNote(alice.page, secret);
    await writeNote(alice.page, shared);
    await expect.poll(() => readNote(bob.page, shared.id), { timeout: 20_000 }).toMatchObject({ body: shared.body, scope: 'team' });
    // The private note was pushed first, so Bob has pulled past it too.
    expect(await readNote(bob.page, secret.id)).toBeUndefined();
    await alice.page.getByText('Synced just now').waitFor();
    expect(await readNote(alice.page, secret.id)).toMatchObject({ body: secret.body });
  });
});
