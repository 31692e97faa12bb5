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
import { InviteResponseSchema, JoinResponseSchema, type Role } from '../../src/sync/account-protocol';
import { launchClyde, type Clyde } from './browser';

/**
 * Devices and members in the real options page: the admin's browser joins a real server, its
 * background rotates the token in its first round, and the admin revokes a member's stolen
 * laptop from Settings → Team — which signs out the phone linked from it too.
 */

let dir: string;
let store: SyncStore;
let http: ServerType;
let baseUrl: string;
let teamId: string;
let clyde: Clyde;
let page: Page;

async function invite(role: Role) {
  const { code } = await issueInvite(store, Date.now(), {
    teamId,
    role,
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: Date.now() + 600_000,
  });
  return code;
}
const post = async (path: string, body: unknown, token?: string) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const meStatus = async (token: string) => (await fetch(`${baseUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clyde-e2e-devices-'));
  store = createSqliteStore({ dataDir: dir });
  await store.migrate();
  teamId = (await store.createTeam('E2E team', Date.now())).id;
  const app = createApp({ store });
  await new Promise<void>((resolve) => {
    http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  clyde = await launchClyde();
  page = await clyde.context.newPage();
  // Every "Revoke" and "Disable" asks first; the admin says yes.
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await clyde?.close();
  await new Promise<void>((resolve) => http?.close(() => resolve()));
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The account the extension stored, read raw from an extension page. */
function storedAccount() {
  return page.evaluate(
    () =>
      new Promise<{ token: string; tokenRotatedAt?: number } | undefined>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('account');
          get.onsuccess = () => (open.result.close(), resolve((get.result as { value?: never } | undefined)?.value));
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

describe('Settings → Team: devices and members (Chromium)', () => {
  it('rotates the token, lists the team, revokes a stolen laptop with the phone linked from it, and invites a teammate', async () => {
    // Bob joins from a laptop and links a phone from it (plain HTTP: no second browser needed).
    const laptop = JoinResponseSchema.parse(
      await (await post('/v1/join', { code: await invite('member'), deviceName: 'Bob laptop', userName: 'Bob' })).json(),
    );
    const link = InviteResponseSchema.parse(await (await post('/v1/devices/link', {}, laptop.token)).json());
    const phone = JoinResponseSchema.parse(await (await post('/v1/join', { code: link.code, deviceName: 'Bob phone' })).json());

    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await page.getByLabel('Invite link').fill(inviteLink(baseUrl, await invite('admin')));
    await page.getByLabel('Name of this device').fill('Alice desk');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText(`Connected to ${baseUrl}`).waitFor();

    // The background's first round gets a new token and syncs with it.
    await expect.poll(async () => (await storedAccount())?.tokenRotatedAt, { timeout: 20_000 }).toBeGreaterThan(0);
    const { token } = (await storedAccount())!;
    expect(await meStatus(token)).toBe(200);

    const section = page.getByRole('region', { name: 'Team members and devices' });
    await section.getByText('linked from Bob laptop (Bob)').waitFor();
    await expect.poll(() => section.textContent()).toContain('Alice desk');
    await section.locator(`[data-device="${laptop.deviceId}"]`).getByRole('button', { name: 'Revoke' }).click();
    await section.locator(`[data-device="${phone.deviceId}"]`).getByText('Revoked').waitFor();
    expect(await meStatus(laptop.token)).toBe(401);
    expect(await meStatus(phone.token)).toBe(401);
    expect(await meStatus((await storedAccount())!.token)).toBe(200);

    // Alice invites a teammate: the link is shown and copied, never sent, and it works once.
    await section.getByRole('button', { name: 'Invite a teammate' }).click();
    const shown = section.getByTestId('pass-on-link').getByRole('textbox', { name: 'Link to pass on' });
    const invitation = await shown.inputValue();
    expect(invitation).toMatch(new RegExp(`^${baseUrl}/join#inv_`));
    await section.getByRole('button', { name: 'Copy' }).click();
    await section.getByRole('button', { name: 'Copied' }).waitFor();
    // What the clipboard holds, read as a user would: pasted into a field.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
    await page.locator('#paste-here').focus();
    await page.keyboard.press('Control+V');
    expect(await page.locator('#paste-here').inputValue()).toBe(invitation);
    const code = invitation.slice(invitation.indexOf('#') + 1);
    expect((await post('/v1/join', { code, deviceName: 'Carol desk', userName: 'Carol' })).status).toBe(200);
    expect((await post('/v1/join', { code, deviceName: 'Again' })).status).toBe(404);
  }, 90_000);
});
