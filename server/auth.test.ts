import type { Context } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InviteResponseSchema, JoinResponseSchema, MeResponseSchema } from '../src/sync/account-protocol';
import { clientIpOf } from './http/rate-limit';
import { issueInvite } from './invites';
import { startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

describe.each(storeCases)('auth ($name)', (storeCase) => {
  let h: Harness;
  let team: string;
  let admin: Member;
  let member: Member;
  beforeEach(async () => {
    h = await startHarness(storeCase);
    team = await h.newTeam();
    admin = await h.join(team, 'admin');
    member = await h.join(team);
  });
  afterEach(() => h.close());

  const joinWith = (code: string) =>
    h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Laptop' }),
    });
  const withToken = (token: string, path = '/v1/me') => h.app.request(path, { headers: { authorization: `Bearer ${token}` } });

  it('answers missing, malformed, unknown and tampered tokens with the same 401', async () => {
    const bodies = new Set<string>();
    const flip = (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Basic abc' },
      { authorization: `Bearer tok_${'A'.repeat(43)}` },
      { authorization: `Bearer ${flip(admin.token)}` },
    ];
    for (const headers of cases) {
      const res = await h.app.request('/v1/me', { headers });
      expect(res.status).toBe(401);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
  });

  it('makes an invite single-use by default and refuses expired ones', async () => {
    const now = h.clock.now();
    const { code } = await issueInvite(h.store, now, {
      teamId: team,
      role: 'member',
      userId: null,
      createdBy: null,
      maxUses: 1,
      expiresAt: now + 60_000,
    });
    expect((await joinWith(code)).status).toBe(200);
    const again = await joinWith(code);
    expect(again.status).toBe(404);
    const expired = await issueInvite(h.store, now, {
      teamId: team,
      role: 'member',
      userId: null,
      createdBy: null,
      maxUses: 5,
      expiresAt: now - 1,
    });
    const late = await joinWith(expired.code);
    expect(late.status).toBe(404);
    expect(await late.text()).toBe(await again.text());
  });

  it('lets admins (only) make multi-use invites', async () => {
    expect((await member.call('POST', '/v1/invites', {})).status).toBe(403);
    const res = await admin.call('POST', '/v1/invites', { maxUses: 2, ttlHours: 1 });
    const { code } = InviteResponseSchema.parse(await res.json());
    const joined = [await joinWith(code), await joinWith(code), await joinWith(code)].map((r) => r.status);
    expect(joined).toEqual([200, 200, 404]);
  });

  it('adds a second device to the same member and revokes it on its own', async () => {
    const link = InviteResponseSchema.parse(await (await member.call('POST', '/v1/devices/link', {})).json());
    const second = JoinResponseSchema.parse(await (await joinWith(link.code)).json());
    expect(second.userId).toBe(member.userId);
    expect(second.deviceId).not.toBe(member.deviceId);
    const me = MeResponseSchema.parse(await (await member.call('GET', '/v1/me')).json());
    expect(me.devices.map((d) => [d.id, d.current])).toEqual([
      [member.deviceId, true],
      [second.deviceId, false],
    ]);

    expect((await member.call('POST', '/v1/devices/revoke', { deviceId: second.deviceId })).status).toBe(200);
    expect((await withToken(second.token)).status).toBe(401);
    expect((await withToken(second.token, '/v1/sync/pull?cursor=0&clientId=x&schemaVersion=1')).status).toBe(401);
    expect((await member.call('GET', '/v1/me')).status).toBe(200);
    // Revoking twice is a 404: there is no such (live) device any more.
    expect((await member.call('POST', '/v1/devices/revoke', { deviceId: second.deviceId })).status).toBe(404);
  });

  it('lets an admin revoke a member’s device but not the other way round', async () => {
    expect((await member.call('POST', '/v1/devices/revoke', { deviceId: admin.deviceId })).status).toBe(404);
    expect((await admin.call('POST', '/v1/devices/revoke', { deviceId: member.deviceId })).status).toBe(200);
    expect((await withToken(member.token)).status).toBe(401);
    expect((await withToken(admin.token)).status).toBe(200);
  });
});

describe.each(storeCases)('rate limits ($name)', (storeCase) => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers the join past the limit with 429 and retry-after', async () => {
    h = await startHarness(storeCase, { limits: { join: { capacity: 3, perSecond: 1 / 60 } } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await h.app.request('/v1/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: `inv_${'x'.repeat(43)}`, deviceName: 'x' }),
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles repeated bad tokens and busy devices', async () => {
    h = await startHarness(storeCase, {
      limits: { authFailures: { capacity: 2, perSecond: 0.01 }, perDevice: { capacity: 2, perSecond: 0.01 } },
    });
    const m = await h.join(await h.newTeam());
    const bad = async () => (await h.app.request('/v1/me', { headers: { authorization: 'Bearer nope' } })).status;
    expect([await bad(), await bad(), await bad()]).toEqual([401, 401, 429]);
    const mine = async () => (await m.call('GET', '/v1/me')).status;
    expect([await mine(), await mine(), await mine()]).toEqual([200, 200, 429]);
  });

  it('counts joins per client behind a trusted proxy, and per socket when no proxy is trusted', async () => {
    const join = (app: Harness['app'], forwardedFor?: string) =>
      app.request(
        '/v1/join',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
          body: JSON.stringify({ code: `inv_${'x'.repeat(43)}`, deviceName: 'x' }),
        },
        // What @hono/node-server hands the app: every request arrives from the proxy on loopback.
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
    const limits = { join: { capacity: 1, perSecond: 1 / 600 } };

    h = await startHarness(storeCase, { limits, trustedProxies: 1 });
    expect((await join(h.app, '203.0.113.7')).status).toBe(404);
    expect((await join(h.app, '203.0.113.7')).status).toBe(429);
    // Another client through the same proxy has its own bucket…
    expect((await join(h.app, '198.51.100.2')).status).toBe(404);
    // …and a client cannot get a fresh one by writing its own entry in front of the proxy's.
    expect((await join(h.app, '192.0.2.99, 203.0.113.7')).status).toBe(429);
    // A header that is no address counts as the proxy itself.
    expect((await join(h.app, 'not-an-ip')).status).toBe(404);
    expect((await join(h.app)).status).toBe(429);
    await h.close();

    h = await startHarness(storeCase, { limits });
    expect((await join(h.app, '203.0.113.7')).status).toBe(404);
    // Not trusted: the header changes nothing, the socket's address is the one counted.
    expect((await join(h.app, '198.51.100.2')).status).toBe(429);
  });
});

describe('clientIpOf', () => {
  const request = (forwardedFor: string | undefined, remoteAddress = '127.0.0.1') =>
    ({ env: { incoming: { socket: { remoteAddress } } }, req: { header: () => forwardedFor } }) as unknown as Context;

  it.each([
    [0, '203.0.113.7', '127.0.0.1'],
    [1, '203.0.113.7', '203.0.113.7'],
    [1, '192.0.2.99, 203.0.113.7', '203.0.113.7'],
    [2, '192.0.2.99, 203.0.113.7, 10.0.0.2', '203.0.113.7'],
    [2, '203.0.113.7', '203.0.113.7'],
    [1, ' 2001:db8::1 ', '2001:db8::1'],
    [1, undefined, '127.0.0.1'],
    [1, '', '127.0.0.1'],
    [1, 'unknown', '127.0.0.1'],
    [1, '203.0.113.7:4711', '127.0.0.1'],
  ])('with %i trusted proxies, X-Forwarded-For %j is counted as %s', (trusted, header, expected) => {
    expect(clientIpOf(trusted)(request(header))).toBe(expected);
  });
});
