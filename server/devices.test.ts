import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  InviteResponseSchema,
  JoinResponseSchema,
  MeResponseSchema,
  RotateTokenResponseSchema,
  TeamResponseSchema,
  type JoinResponse,
  type TeamResponse,
} from '../src/sync/account-protocol';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../src/sync/protocol';
import { RETIRED_TOKEN_GRACE_MS } from './store/devices';
import { ServerClock } from './sync/server-clock';
import { newPerson, startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

const DAY = 24 * 3_600_000;

describe.each(storeCases)('devices and members ($name)', (storeCase) => {
  let h: Harness;
  let now: number;
  let team: string;
  let admin: Member;
  let member: Member;
  beforeEach(async () => {
    now = Date.now();
    // Every reading moves the clock a little, so devices made one after another list in that order.
    h = await startHarness(storeCase, { clock: new ServerClock(() => ++now, 'srv-test'), deviceIdleMs: 30 * DAY });
    team = await h.newTeam();
    admin = await h.join(team, 'admin');
    member = await h.join(team);
  });
  afterEach(() => h.close());

  const request = (token: string | undefined, method: string, path: string, body?: unknown) =>
    h.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const join = (code: string, deviceName = 'Attacker box') => request(undefined, 'POST', '/v1/join', { code, deviceName });
  const mintLink = async (token: string) =>
    InviteResponseSchema.parse(await (await request(token, 'POST', '/v1/devices/link', {})).json()).code;
  const redeem = async (code: string) => {
    const res = await join(code);
    expect(res.status).toBe(200);
    return JoinResponseSchema.parse(await res.json());
  };
  const pullWith = (token: string) =>
    request(token, 'GET', `/v1/sync/pull?cursor=0&clientId=c-${token.slice(4, 20)}&schemaVersion=${SCHEMA_VERSION}`);
  const pushWith = (token: string) =>
    request(token, 'POST', '/v1/sync/push', {
      protocol: PROTOCOL_VERSION,
      clientId: `c-${token.slice(4, 20)}`,
      schemaVersion: SCHEMA_VERSION,
      ops: [newPerson(1, `p-${token.slice(4, 12)}`, member, { name: 'Planted' })],
    });
  const teamList = async (by = admin): Promise<TeamResponse> => {
    const res = await by.call('GET', '/v1/team');
    expect(res.status).toBe(200);
    return TeamResponseSchema.parse(await res.json());
  };
  const devicesOf = async (userId: string) => (await teamList()).members.find((m) => m.id === userId)?.devices ?? [];

  it('locks out a stolen token: revoking the device refuses every device and link it minted, transitively', async () => {
    await member.pushOk([newPerson(1, 'secret-person', member, { name: 'Private canary' })]);
    // The attacker, holding the member's token, mints three links and joins with them…
    const minted: JoinResponse[] = [];
    for (let i = 0; i < 3; i++) minted.push(await redeem(await mintLink(member.token)));
    // …makes one more from a minted device, and keeps two links unused for later.
    const grandchild = await redeem(await mintLink(minted[0]!.token));
    const unusedLink = await mintLink(member.token);
    const unusedFromMinted = await mintLink(minted[1]!.token);
    for (const d of [...minted, grandchild]) {
      expect(d.userId).toBe(member.userId);
      const pull = await pullWith(d.token);
      expect(pull.status).toBe(200);
      expect(await pull.text()).toContain('Private canary');
    }

    // The admin sees who linked what before acting.
    const before = await devicesOf(member.userId);
    expect(before.map((d) => [d.id, d.linkedBy, d.status])).toEqual([
      [member.deviceId, null, 'active'],
      ...minted.map((d) => [d.deviceId, member.deviceId, 'active']),
      [grandchild.deviceId, minted[0]!.deviceId, 'active'],
    ]);
    expect((await teamList()).members.find((m) => m.id === member.userId)?.openLinks).toBe(2);

    const revokedAfter = now;
    expect((await admin.call('POST', '/v1/devices/revoke', { deviceId: member.deviceId })).status).toBe(200);
    const revokedBefore = now;

    for (const token of [member.token, ...minted.map((d) => d.token), grandchild.token]) {
      const pull = await pullWith(token);
      expect(pull.status).toBe(401);
      expect(await pull.text()).not.toContain('canary');
      expect((await pushWith(token)).status).toBe(401);
      expect((await request(token, 'GET', '/v1/me')).status).toBe(401);
      expect((await request(token, 'POST', '/v1/devices/link', {})).status).toBe(401);
      expect((await request(token, 'POST', '/v1/account/token', {})).status).toBe(401);
    }
    expect((await join(unusedLink)).status).toBe(404);
    expect((await join(unusedFromMinted)).status).toBe(404);

    const after = await teamList();
    const row = after.members.find((m) => m.id === member.userId);
    // One transaction, one time for all five.
    const times = new Set(row?.devices.map((d) => d.revokedAt));
    expect(row?.devices.map((d) => d.status)).toEqual(Array(5).fill('revoked'));
    expect(times.size).toBe(1);
    const [at] = [...times];
    expect(at).toBeGreaterThan(revokedAfter);
    expect(at).toBeLessThanOrEqual(revokedBefore);
    expect(row?.openLinks).toBe(0);
    // The member is not disabled: an admin can send them a fresh invite for a new device.
    expect(row?.disabledAt).toBeNull();
    // The admin and their device are untouched, and nothing planted by the attacker arrived.
    expect((await admin.call('GET', '/v1/me')).status).toBe(200);
    expect(JSON.stringify((await admin.pullOk()).rows)).not.toContain('Planted');
  });

  it('leaves no device alive that joined with a link while its maker was being revoked', async () => {
    const links = await Promise.all(Array.from({ length: 8 }, () => mintLink(member.token)));
    // Joins and the revocation race; whichever commits first, nothing minted may survive.
    const [joins] = await Promise.all([
      Promise.all(links.map((code) => join(code))),
      admin.call('POST', '/v1/devices/revoke', { deviceId: member.deviceId }).then((r) => expect(r.status).toBe(200)),
    ]);
    const joined = await Promise.all(joins.filter((r) => r.status === 200).map(async (r) => JoinResponseSchema.parse(await r.json())));
    for (const d of joined) expect((await pullWith(d.token)).status).toBe(401);
    expect(joins.every((r) => r.status === 200 || r.status === 404)).toBe(true);
    expect((await devicesOf(member.userId)).every((d) => d.status === 'revoked')).toBe(true);
  });

  it('revokes one minted device without touching its parent or siblings', async () => {
    const [a, b] = [await redeem(await mintLink(member.token)), await redeem(await mintLink(member.token))];
    const child = await redeem(await mintLink(a.token));
    expect((await member.call('POST', '/v1/devices/revoke', { deviceId: a.deviceId })).status).toBe(200);
    expect((await pullWith(a.token)).status).toBe(401);
    expect((await pullWith(child.token)).status).toBe(401);
    expect((await pullWith(b.token)).status).toBe(200);
    expect((await member.call('GET', '/v1/me')).status).toBe(200);
  });

  it('disables a member: all their devices and unused links and invites at once', async () => {
    const second = await redeem(await mintLink(member.token));
    const link = await mintLink(member.token);
    // A second admin with an invite out: disabling them takes the invite back too.
    const other = await h.join(team, 'admin');
    const invite = InviteResponseSchema.parse(await (await other.call('POST', '/v1/invites', { maxUses: 5 })).json()).code;

    expect((await admin.call('POST', '/v1/members/disable', { userId: member.userId })).status).toBe(200);
    expect((await admin.call('POST', '/v1/members/disable', { userId: other.userId })).status).toBe(200);
    for (const token of [member.token, second.token, other.token]) {
      expect((await pullWith(token)).status).toBe(401);
      expect((await request(token, 'GET', '/v1/me')).status).toBe(401);
    }
    expect((await join(link)).status).toBe(404);
    expect((await join(invite)).status).toBe(404);

    const list = await teamList();
    const disabled = list.members.find((m) => m.id === member.userId);
    expect(disabled?.disabledAt).toBeGreaterThan(0);
    expect(disabled?.devices.map((d) => d.status)).toEqual(['revoked', 'revoked']);
    expect(list.members.find((m) => m.id === other.userId)?.openLinks).toBe(0);
    // Disabling again, or a member who does not exist, is a clear 404.
    const again = await admin.call('POST', '/v1/members/disable', { userId: member.userId });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'NOT_FOUND', message: 'No such member, or already disabled.' });
  });

  it('re-enables a disabled member with one link that brings them back to their own records', async () => {
    await member.pushOk([newPerson(1, 'their-person', member, { name: 'Private canary' })]);
    const phone = await redeem(await mintLink(member.token));
    expect((await admin.call('POST', '/v1/members/disable', { userId: member.userId })).status).toBe(200);
    // Another team's admin cannot bring them back.
    const stranger = await h.join(await h.newTeam('other'), 'admin');
    expect((await stranger.call('POST', '/v1/members/enable', { userId: member.userId })).status).toBe(404);

    const res = await admin.call('POST', '/v1/members/enable', { userId: member.userId });
    expect(res.status).toBe(200);
    const { code, expiresAt } = InviteResponseSchema.parse(await res.json());
    expect(expiresAt - now).toBeGreaterThan(71 * 3_600_000);
    // The old devices stay locked out: one of them may be the stolen one.
    for (const token of [member.token, phone.token]) expect((await pullWith(token)).status).toBe(401);
    const back = await redeem(code);
    expect(back.userId).toBe(member.userId);
    const pull = await pullWith(back.token);
    expect(pull.status).toBe(200);
    expect(JSON.stringify(await pull.json())).toContain('Private canary');
    // Single use.
    expect((await join(code)).status).toBe(404);

    const listed = (await teamList()).members.find((m) => m.id === member.userId);
    expect(listed?.disabledAt).toBeNull();
    expect(listed?.devices.map((d) => [d.status, d.linkedBy])).toEqual([
      ['revoked', null],
      ['revoked', member.deviceId],
      ['active', admin.deviceId],
    ]);
    // Only a disabled member can be re-enabled; a second try is a clear 404.
    const again = await admin.call('POST', '/v1/members/enable', { userId: member.userId });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'NOT_FOUND', message: 'No such member, or not disabled.' });
  });

  it('takes back an unused re-enable link when the member is disabled again or its admin device is revoked', async () => {
    await admin.call('POST', '/v1/members/disable', { userId: member.userId });
    const first = InviteResponseSchema.parse(await (await admin.call('POST', '/v1/members/enable', { userId: member.userId })).json());
    await admin.call('POST', '/v1/members/disable', { userId: member.userId });
    expect((await join(first.code)).status).toBe(404);

    const second = InviteResponseSchema.parse(await (await admin.call('POST', '/v1/members/enable', { userId: member.userId })).json());
    const other = await h.join(team, 'admin');
    expect((await other.call('POST', '/v1/devices/revoke', { deviceId: admin.deviceId })).status).toBe(200);
    expect((await join(second.code)).status).toBe(404);
  });

  it('keeps the list and disabling to admins, and within their team', async () => {
    const res = await member.call('GET', '/v1/team');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await member.call('POST', '/v1/members/disable', { userId: admin.userId })).status).toBe(403);
    expect((await member.call('POST', '/v1/members/enable', { userId: admin.userId })).status).toBe(403);
    expect((await admin.call('POST', '/v1/members/disable', { userId: admin.userId })).status).toBe(409);
    expect((await admin.call('POST', '/v1/members/disable', { userId: 'x'.repeat(65) })).status).toBe(400);

    const otherTeam = await h.newTeam('other');
    const stranger = await h.join(otherTeam, 'admin');
    expect((await stranger.call('POST', '/v1/members/disable', { userId: member.userId })).status).toBe(404);
    expect((await stranger.call('POST', '/v1/devices/revoke', { deviceId: member.deviceId })).status).toBe(404);
    const theirs = await teamList(stranger);
    expect(theirs.members.map((m) => m.id)).toEqual([stranger.userId]);
    expect(JSON.stringify(theirs)).not.toContain(member.deviceId);

    // Nothing changed for anyone.
    for (const m of [admin, member, stranger]) expect((await m.call('GET', '/v1/me')).status).toBe(200);
    expect((await teamList()).members.map((m) => [m.id, m.role, m.disabledAt])).toEqual([
      [admin.userId, 'admin', null],
      [member.userId, 'member', null],
    ]);
  });

  it('rotates a token: the old one works until the new one is used, and is refused after', async () => {
    const rotate = async (token: string) => {
      const res = await request(token, 'POST', '/v1/account/token', {});
      expect(res.status).toBe(200);
      return RotateTokenResponseSchema.parse(await res.json()).token;
    };
    // The answer to the first rotation is "lost": the device still has only its old token.
    const lost = await rotate(member.token);
    expect((await pullWith(member.token)).status).toBe(200);
    const next = await rotate(member.token);
    // A lost token was never held by anyone; the retry replaced it.
    expect((await pullWith(lost)).status).toBe(401);
    expect((await pullWith(member.token)).status).toBe(200);

    // The first use of the new token completes the rotation.
    expect((await pullWith(next)).status).toBe(200);
    expect((await pullWith(member.token)).status).toBe(401);
    expect((await pullWith(next)).status).toBe(200);
    const me = await request(next, 'GET', '/v1/me');
    expect(await me.json()).toMatchObject({ deviceId: member.deviceId, userId: member.userId });
    // The body must be empty: nobody rotates another device's token.
    expect((await request(next, 'POST', '/v1/account/token', { deviceId: admin.deviceId })).status).toBe(400);
  });

  it('revokes a device whose retired token shows up again well after the rotation (two holders)', async () => {
    const stolen = member.token;
    // The thief rotates first and uses the new token; the owner's token is now retired.
    const thief = RotateTokenResponseSchema.parse(await (await request(stolen, 'POST', '/v1/account/token', {})).json()).token;
    expect((await pullWith(thief)).status).toBe(200);
    // Within the grace time a retired token is only refused (a request that was under way).
    now += RETIRED_TOKEN_GRACE_MS - 1000;
    expect((await pullWith(stolen)).status).toBe(401);
    expect((await pullWith(thief)).status).toBe(200);
    // Later, the owner's device comes back with it: one token, two holders. The device goes.
    now += 2000;
    expect((await pullWith(stolen)).status).toBe(401);
    expect((await pullWith(thief)).status).toBe(401);
    expect((await devicesOf(member.userId)).map((d) => d.status)).toEqual(['revoked']);
  });

  it('expires a device idle longer than the configured time', async () => {
    const fresh = await redeem(await mintLink(member.token));
    now += 20 * DAY;
    expect((await pullWith(member.token)).status).toBe(200);
    expect((await admin.call('GET', '/v1/me')).status).toBe(200);
    now += 15 * DAY;
    // 35 days since the fresh device joined and was never used; 15 since the member's last request.
    expect((await pullWith(fresh.token)).status).toBe(401);
    expect((await pullWith(member.token)).status).toBe(200);
    expect((await devicesOf(member.userId)).map((d) => [d.id, d.status])).toEqual([
      [member.deviceId, 'active'],
      [fresh.deviceId, 'expired'],
    ]);
    // The member's own list leaves the expired device out: it is refused already.
    expect(MeResponseSchema.parse(await (await member.call('GET', '/v1/me')).json()).devices.map((d) => d.id)).toEqual([member.deviceId]);
    now += 31 * DAY;
    expect((await pullWith(member.token)).status).toBe(401);
    expect((await request(member.token, 'GET', '/v1/me')).status).toBe(401);
  });
});
