// @vitest-environment happy-dom
// Rendered without act(): the section updates when the server answers, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueInvite, inviteLink } from '../../../server/invites';
import { startSimServer, type SimServer } from '../../../test/sync/sim/server';
import { emptySharedDb, freshClientDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { db } from '../../storage/db';
import { InviteResponseSchema, type Role } from '../../sync/account-protocol';
import { joinTeam } from '../../sync/client/account';
import { getMeta, type Account } from '../../sync/client/state';
import { TeamSettings } from './TeamSettings';

vi.mock('./sendSyncNow', () => ({ sendSyncNow: () => Promise.resolve() }));

let server: SimServer;
beforeEach(async () => {
  server = await startSimServer();
  vi.stubGlobal('confirm', () => true);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await emptySharedDb();
  await server.close();
});
const dom = testRoot();

const URL_BASE = 'https://sync.sim.test';
async function invite(role: Role) {
  const now = Date.now();
  const { code } = await issueInvite(server.store(), now, {
    teamId: server.teamId,
    role,
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: now + 60_000,
  });
  return inviteLink(URL_BASE, code);
}
/** Joins in a browser profile of its own; returns its account. */
async function joinElsewhere(link: string, deviceName: string, userName?: string): Promise<Account> {
  const other = freshClientDb().db;
  const account = await joinTeam(other, { inviteCode: link, deviceName, ...(userName ? { userName } : {}) }, { fetch: server.fetch });
  other.close();
  return account;
}
const call = (token: string, path: string, body?: unknown) =>
  server.fetch(`${URL_BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
/** Bob with a laptop, and a phone he linked from it. */
async function bobWithTwoDevices() {
  const laptop = await joinElsewhere(await invite('member'), 'Bob laptop', 'Bob');
  const { code } = InviteResponseSchema.parse(await (await call(laptop.token, '/v1/devices/link', {})).json());
  const phone = await joinElsewhere(`${URL_BASE}/join#${code}`, 'Bob phone');
  return { laptop, phone };
}
const text = () => dom.container.textContent ?? '';
const buttonIn = (selector: string, label: string) =>
  [...dom.container.querySelectorAll<HTMLButtonElement>(`${selector} button`)].find((b) => b.textContent === label);

describe('Settings → Team: devices and members', () => {
  it('shows an admin every member and device, and revoking one signs it out with what it linked', async () => {
    const bob = await bobWithTwoDevices();
    await joinTeam(db, { inviteCode: await invite('admin'), deviceName: 'Alice desk', userName: 'Alice' }, { fetch: server.fetch });
    dom.render(<TeamSettings fetch={server.fetch} />);

    await vi.waitFor(() => expect(text()).toContain('Team members and devices'));
    const section = () => dom.container.querySelector('[aria-label="Team members and devices"]')?.textContent ?? '';
    expect(section()).toContain('Bob laptop');
    expect(section()).toContain('linked from Bob laptop (Bob)');
    expect(section()).toContain('Alice desk');
    // No way to disable yourself or revoke this browser from here.
    const mine = (await getMeta(db, 'account'))!;
    expect(buttonIn(`[data-member="${mine.userId}"]`, 'Disable member')).toBeUndefined();
    expect(buttonIn(`[data-device="${mine.deviceId}"]`, 'Revoke')).toBeUndefined();
    expect(buttonIn(`[data-device="${bob.phone.deviceId}"]`, 'Revoke')).toBeDefined();

    buttonIn(`[data-device="${bob.laptop.deviceId}"]`, 'Revoke')!.click();
    await vi.waitFor(() => expect(dom.container.querySelector(`[data-device="${bob.phone.deviceId}"]`)?.textContent).toContain('Revoked'));
    expect(dom.container.querySelector(`[data-device="${bob.laptop.deviceId}"]`)?.textContent).toContain('Revoked');
    expect((await call(bob.laptop.token, '/v1/me')).status).toBe(401);
    expect((await call(bob.phone.token, '/v1/me')).status).toBe(401);
  });

  it('lets an admin disable a member', async () => {
    const bob = await bobWithTwoDevices();
    await joinTeam(db, { inviteCode: await invite('admin'), deviceName: 'Alice desk', userName: 'Alice' }, { fetch: server.fetch });
    dom.render(<TeamSettings fetch={server.fetch} />);
    await vi.waitFor(() => expect(buttonIn(`[data-member="${bob.laptop.userId}"]`, 'Disable member')).toBeDefined());
    buttonIn(`[data-member="${bob.laptop.userId}"]`, 'Disable member')!.click();
    await vi.waitFor(() => expect(dom.container.querySelector(`[data-member="${bob.laptop.userId}"]`)?.textContent).toMatch(/Disabled/));
    expect((await call(bob.phone.token, '/v1/me')).status).toBe(401);
  });

  it('shows a member only their own devices, and lets them sign one out', async () => {
    const { code } = InviteResponseSchema.parse(
      await (await call((await joinElsewhere(await invite('admin'), 'Admin box')).token, '/v1/invites', {})).json(),
    );
    const mine = await joinTeam(
      db,
      { inviteCode: `${URL_BASE}/join#${code}`, deviceName: 'Carol desk', userName: 'Carol' },
      { fetch: server.fetch },
    );
    const link = InviteResponseSchema.parse(await (await call(mine.token, '/v1/devices/link', {})).json());
    const tablet = await joinElsewhere(`${URL_BASE}/join#${link.code}`, 'Carol tablet');
    dom.render(<TeamSettings fetch={server.fetch} />);

    await vi.waitFor(() => expect(text()).toContain('Carol tablet'));
    expect(text()).toContain('(this browser)');
    expect(text()).not.toContain('Team members and devices');
    expect(text()).not.toContain('Admin box');
    buttonIn('[aria-label="Your devices"]', 'Sign out')!.click();
    await vi.waitFor(() => expect(text()).not.toContain('Carol tablet'));
    expect((await call(tablet.token, '/v1/me')).status).toBe(401);
    expect((await call(mine.token, '/v1/me')).status).toBe(200);
  });

  /** The link the section shows to pass on, once one was made. */
  const shownLink = async (within: string) => {
    let link = '';
    await vi.waitFor(() => {
      link = dom.container.querySelector<HTMLInputElement>(`${within} [data-testid=pass-on-link] input`)?.value ?? '';
      expect(link).toMatch(/^https:\/\/sync\.sim\.test\/join#inv_/);
    });
    return link;
  };

  it('makes a link that adds another device to this member, and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const mine = await joinTeam(
      db,
      { inviteCode: await invite('member'), deviceName: 'Erin desk', userName: 'Erin' },
      { fetch: server.fetch },
    );
    dom.render(<TeamSettings fetch={server.fetch} />);
    await vi.waitFor(() => expect(buttonIn('[aria-label="Your devices"]', 'Add another device')).toBeDefined());
    buttonIn('[aria-label="Your devices"]', 'Add another device')!.click();
    const link = await shownLink('[aria-label="Your devices"]');
    expect(text()).toMatch(/It works once, until/);

    buttonIn('[data-testid=pass-on-link]', 'Copy')!.click();
    await vi.waitFor(() => expect(buttonIn('[data-testid=pass-on-link]', 'Copied')).toBeDefined());
    expect(writeText).toHaveBeenCalledWith(link);
    const laptop = await joinElsewhere(link, 'Erin laptop');
    expect(laptop.userId).toBe(mine.userId);
  });

  it('selects the link for Ctrl+C when the browser refuses the clipboard', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    await joinTeam(db, { inviteCode: await invite('member'), deviceName: 'Erin desk' }, { fetch: server.fetch });
    dom.render(<TeamSettings fetch={server.fetch} />);
    await vi.waitFor(() => expect(buttonIn('[aria-label="Your devices"]', 'Add another device')).toBeDefined());
    buttonIn('[aria-label="Your devices"]', 'Add another device')!.click();
    await shownLink('[aria-label="Your devices"]');
    buttonIn('[data-testid=pass-on-link]', 'Copy')!.click();
    await vi.waitFor(() => expect(text()).toContain('the link is selected, press Ctrl+C'));
    const field = dom.container.querySelector<HTMLInputElement>('[data-testid=pass-on-link] input')!;
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('lets an admin invite a teammate as a member or an admin', async () => {
    await joinTeam(db, { inviteCode: await invite('admin'), deviceName: 'Alice desk', userName: 'Alice' }, { fetch: server.fetch });
    dom.render(<TeamSettings fetch={server.fetch} />);
    const team = '[aria-label="Team members and devices"]';
    await vi.waitFor(() => expect(buttonIn(team, 'Invite a teammate')).toBeDefined());
    const role = dom.container.querySelector<HTMLSelectElement>(`${team} select`)!;
    role.value = 'admin';
    role.dispatchEvent(new Event('change', { bubbles: true }));
    buttonIn(team, 'Invite a teammate')!.click();
    const frank = await joinElsewhere(await shownLink(team), 'Frank desk', 'Frank');
    // Frank is an admin, so he may list the team.
    expect((await call(frank.token, '/v1/team')).status).toBe(200);
  });

  it('lets an admin re-enable a disabled member with a link for a new device', async () => {
    const bob = await bobWithTwoDevices();
    await joinTeam(db, { inviteCode: await invite('admin'), deviceName: 'Alice desk', userName: 'Alice' }, { fetch: server.fetch });
    dom.render(<TeamSettings fetch={server.fetch} />);
    const bobBox = `[data-member="${bob.laptop.userId}"]`;
    await vi.waitFor(() => expect(buttonIn(bobBox, 'Disable member')).toBeDefined());
    expect(buttonIn(bobBox, 'Re-enable with a new device link')).toBeUndefined();
    buttonIn(bobBox, 'Disable member')!.click();
    await vi.waitFor(() => expect(buttonIn(bobBox, 'Re-enable with a new device link')).toBeDefined());
    buttonIn(bobBox, 'Re-enable with a new device link')!.click();
    const link = await shownLink(bobBox);
    expect(dom.container.querySelector(bobBox)?.textContent).toContain('Bob’s old devices stay signed out');
    await vi.waitFor(() => expect(dom.container.querySelector(bobBox)?.textContent).not.toMatch(/Disabled/));
    const back = await joinElsewhere(link, 'Bob new laptop');
    expect(back.userId).toBe(bob.laptop.userId);
    expect((await call(bob.laptop.token, '/v1/me')).status).toBe(401);
  });

  it('says why when the server cannot be reached', async () => {
    await joinTeam(db, { inviteCode: await invite('member'), deviceName: 'Dan desk' }, { fetch: server.fetch });
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    dom.render(<TeamSettings fetch={offline} />);
    await vi.waitFor(() =>
      expect(dom.container.querySelector('[aria-label="Your devices"] [role=alert]')?.textContent).toBe('Cannot reach the sync server.'),
    );
  });
});
