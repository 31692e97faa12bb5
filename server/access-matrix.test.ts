import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AboutResponseSchema } from '../src/sync/about-protocol';
import { JoinResponseSchema, MeResponseSchema } from '../src/sync/account-protocol';
import { SCHEMA_VERSION } from '../src/sync/protocol';
import { edit, newPerson, startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

/**
 * The cross-team access matrix (security.md req. 22): users A and B in team 1, C in team 2, each
 * with a private and a shared record whose fields carry a canary. Every route, every method,
 * with ids swapped in path, query and body: other teams' records and other users' private
 * records are 404 or simply absent, and no response ever carries someone else's canary.
 * The route list comes from the router, so a new endpoint without an entry here fails.
 */

interface World {
  h: Harness;
  a: Member;
  b: Member;
  c: Member;
  team1: string;
  team2: string;
}

const canary = (m: Member, kind: 'private' | 'shared') => `canary-${kind}-${m.userId}`;
const ids = (m: Member) => ({ private: `private-${m.userId}`, shared: `shared-${m.userId}` });

/** Canaries a member must never see: everything of the other team, and teammates' private ones. */
function forbiddenFor(w: World, m: Member): string[] {
  const all = [w.a, w.b, w.c];
  return all
    .filter((o) => o !== m)
    .flatMap((o) => (o.teamId === m.teamId ? [canary(o, 'private')] : [canary(o, 'private'), canary(o, 'shared')]));
}

async function expectClean(w: World, m: Member, res: Response) {
  const text = await res.text();
  for (const secret of forbiddenFor(w, m)) expect(text).not.toContain(secret);
  return text;
}

const MATRIX: Record<string, (w: World) => Promise<void>> = {
  'GET /join': async (w) => {
    const res = await w.h.app.request('/join');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('canary');
  },
  'POST /v1/join': async (w) => {
    const link = (await (await w.a.call('POST', '/v1/devices/link', {})).json()) as { code: string };
    const swapped = await w.h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: link.code, deviceName: 'x', userId: w.c.userId }),
    });
    expect(swapped.status).toBe(400);
    const res = await w.h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: link.code, deviceName: 'x' }),
    });
    expect(JoinResponseSchema.parse(await res.json())).toMatchObject({ userId: w.a.userId, teamId: w.team1 });
  },
  'POST /v1/invites': async (w) => {
    expect((await w.b.call('POST', '/v1/invites', {})).status).toBe(403);
    expect((await w.c.call('POST', '/v1/invites', { teamId: w.team1 })).status).toBe(400);
    const { code } = (await (await w.c.call('POST', '/v1/invites', {})).json()) as { code: string };
    const res = await w.h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'x' }),
    });
    expect(JoinResponseSchema.parse(await res.json()).teamId).toBe(w.team2);
  },
  'POST /v1/devices/link': async (w) => {
    expect((await w.c.call('POST', '/v1/devices/link', { userId: w.a.userId })).status).toBe(400);
  },
  'POST /v1/devices/revoke': async (w) => {
    for (const [who, target] of [
      [w.b, w.a],
      [w.c, w.a],
      [w.c, w.b],
      [w.a, w.c],
    ] as const) {
      const res = await who.call('POST', '/v1/devices/revoke', { deviceId: target.deviceId });
      expect(res.status).toBe(404);
    }
    for (const m of [w.a, w.b, w.c]) expect((await m.call('GET', '/v1/me')).status).toBe(200);
  },
  'GET /v1/team': async (w) => {
    expect((await w.b.call('GET', '/v1/team')).status).toBe(403);
    for (const [m, others] of [
      [w.a, [w.c]],
      [w.c, [w.a, w.b]],
    ] as const) {
      const res = await m.call('GET', `/v1/team?teamId=${w.team1}`);
      expect(res.status).toBe(200);
      const text = await expectClean(w, m, res);
      for (const o of others) {
        expect(text).not.toContain(o.userId);
        expect(text).not.toContain(o.deviceId);
      }
    }
  },
  'POST /v1/members/disable': async (w) => {
    expect((await w.b.call('POST', '/v1/members/disable', { userId: w.a.userId })).status).toBe(403);
    expect((await w.c.call('POST', '/v1/members/disable', { userId: w.b.userId })).status).toBe(404);
    expect((await w.c.call('POST', '/v1/members/disable', { userId: w.b.userId, teamId: w.team1 })).status).toBe(400);
    for (const m of [w.a, w.b, w.c]) expect((await m.call('GET', '/v1/me')).status).toBe(200);
  },
  'POST /v1/members/enable': async (w) => {
    // Nobody here is disabled: a teammate is refused for not being an admin, another team's admin
    // finds no such member, and neither learns whether the id exists.
    expect((await w.b.call('POST', '/v1/members/enable', { userId: w.a.userId })).status).toBe(403);
    const res = await w.c.call('POST', '/v1/members/enable', { userId: w.b.userId });
    expect(res.status).toBe(404);
    await expectClean(w, w.c, res);
    expect((await w.c.call('POST', '/v1/members/enable', { userId: w.b.userId, teamId: w.team1 })).status).toBe(400);
    for (const m of [w.a, w.b, w.c]) expect((await m.call('GET', '/v1/me')).status).toBe(200);
  },
  'POST /v1/account/token': async (w) => {
    // The body names nothing: a token is only ever issued for the calling device.
    expect((await w.c.call('POST', '/v1/account/token', { deviceId: w.a.deviceId })).status).toBe(400);
    for (const m of [w.a, w.b, w.c]) expect((await m.call('GET', '/v1/me')).status).toBe(200);
  },
  'GET /v1/me': async (w) => {
    for (const m of [w.a, w.b, w.c]) {
      const res = await m.call('GET', `/v1/me?userId=${w.c.userId}`);
      const me = MeResponseSchema.parse(JSON.parse(await expectClean(w, m, res)));
      expect(me).toMatchObject({ userId: m.userId, teamId: m.teamId });
      const devices = me.devices.map((d) => d.id);
      expect(devices).toContain(m.deviceId);
      for (const other of [w.a, w.b, w.c].filter((o) => o !== m)) expect(devices).not.toContain(other.deviceId);
    }
  },
  'POST /v1/sync/push': async (w) => {
    // B writes A's private record: refused as not found. C writes team 1's ids: its own team's rows.
    const byB = await w.b.pushOk([edit(3, 'people', ids(w.a).private, { company: 'B was here' }, w.b.clientId)]);
    expect(byB.rejected.map((r) => r.code)).toEqual(['NOT_FOUND']);
    const byC = await w.c.pushOk([
      newPerson(3, ids(w.a).shared, w.c, { scope: 'team', company: 'C was here' }),
      newPerson(4, ids(w.a).private, w.c, { company: 'C again' }),
    ]);
    expect(byC.rejected).toEqual([]);
    const stolen = [
      newPerson(4, 'hijack-owner', w.b, { ownerId: w.a.userId }),
      newPerson(5, 'hijack-scope', w.b, { scope: `user:${w.a.userId}` }),
      newPerson(6, 'hijack-scope-c', w.b, { scope: `user:${w.c.userId}` }),
    ];
    expect((await w.b.pushOk(stolen)).rejected.map((r) => r.code)).toEqual(['FORBIDDEN', 'INVALID', 'INVALID']);
    for (const [who, victim] of [
      [w.b, w.a],
      [w.c, w.a],
    ] as const) {
      expect((await who.push([newPerson(99, 'x', who)], victim.clientId)).status).toBe(404);
    }
    const rowsOfA = (await w.a.pullOk()).rows;
    expect(JSON.stringify(rowsOfA)).not.toMatch(/was here|C again/);
  },
  'GET /v1/sync/pull': async (w) => {
    const visible = (m: Member) => m.pullAll(0, 2).then((pages) => pages.flatMap((p) => p.rows.map((r) => r.id)).sort());
    expect(await visible(w.a)).toEqual([ids(w.a).private, ids(w.a).shared, ids(w.b).shared].sort());
    expect(await visible(w.b)).toEqual([ids(w.a).shared, ids(w.b).private, ids(w.b).shared].sort());
    expect((await visible(w.c)).filter((id) => !id.includes(w.a.userId))).toEqual([ids(w.c).private, ids(w.c).shared].sort());
    for (const m of [w.a, w.b, w.c]) {
      await expectClean(w, m, await m.pull({ limit: 1 }));
      await expectClean(w, m, await m.pull());
      for (const other of [w.a, w.b, w.c].filter((o) => o !== m)) {
        expect((await m.pull({ clientId: other.clientId })).status).toBe(404);
      }
      expect((await m.pull({ teamId: w.team1 })).status).toBe(400);
    }
  },
  'POST /v1/sync/writers': async (w) => {
    // Names only within the team: C learns nothing of A and B, and they nothing of C.
    const all = [w.a, w.b, w.c];
    for (const m of all) {
      const res = await m.call('POST', '/v1/sync/writers', { clientIds: all.map((o) => o.clientId), teamId: w.team1 });
      expect(res.status).toBe(400);
      const ok = await m.call('POST', '/v1/sync/writers', { clientIds: all.map((o) => o.clientId) });
      const { writers } = JSON.parse(await expectClean(w, m, ok)) as { writers: { userId: string }[] };
      expect(writers.map((x) => x.userId).sort()).toEqual(
        all
          .filter((o) => o.teamId === m.teamId)
          .map((o) => o.userId)
          .sort(),
      );
    }
  },
  'POST /v1/sync/about': async (w) => {
    // Everyone has a private and a shared person with the same address, pushed from a new client.
    for (const m of [w.a, w.b, w.c]) {
      const identity = (clientSeq: number, personId: string, scope: string) => ({
        ...edit(clientSeq, 'identities', `${personId}|email:same@example.com`, {}, m.clientId),
        set: { scope, ownerId: m.userId, deleted: false, personId, kind: 'email', value: 'same@example.com', display: 'same@example.com' },
      });
      const res = await m.push(
        [identity(1, ids(m).private, `user:${m.userId}`), identity(2, ids(m).shared, 'team')],
        `about-${m.clientId}`,
      );
      expect(res.status).toBe(200);
    }
    const ask = (m: Member, body: Record<string, unknown>) =>
      m.call('POST', '/v1/sync/about', {
        clientId: m.clientId,
        schemaVersion: SCHEMA_VERSION,
        identities: ['email:same@example.com'],
        ...body,
      });
    for (const m of [w.a, w.b, w.c]) {
      const res = await ask(m, {});
      expect(res.status).toBe(200);
      const { rows } = AboutResponseSchema.parse(JSON.parse(await expectClean(w, m, res)));
      const people = rows.filter((r) => r.entity === 'people').map((r) => r.id);
      const teammates = [w.a, w.b, w.c].filter((o) => o !== m && o.teamId === m.teamId);
      expect(people.sort()).toEqual([ids(m).private, ids(m).shared, ...teammates.map((o) => ids(o).shared)].sort());
      for (const other of [w.a, w.b, w.c].filter((o) => o !== m)) expect((await ask(m, { clientId: other.clientId })).status).toBe(404);
      expect((await ask(m, { teamId: w.team1 })).status).toBe(400);
    }
  },
  'GET /v1/sync/pull/count': async (w) => {
    for (const m of [w.a, w.b, w.c]) {
      const pages = await m.pullAll(0, 1000);
      const upTo = pages[0]!.upTo;
      const res = await m.call('GET', `/v1/sync/pull/count?cursor=0&upTo=${upTo}&schemaVersion=${SCHEMA_VERSION}`);
      expect(((await res.json()) as { rows: number }).rows).toBe(pages.flatMap((p) => p.rows).length);
      expect(
        (await m.call('GET', `/v1/sync/pull/count?cursor=0&upTo=${upTo}&schemaVersion=${SCHEMA_VERSION}&teamId=${w.team1}`)).status,
      ).toBe(400);
    }
  },
  'GET /v1/sync/events': async (w) => {
    expect((await w.c.call('GET', `/v1/sync/events?schemaVersion=1&teamId=${w.team1}`)).status).toBe(400);
  },
};

describe.each(storeCases)('access matrix ($name)', (storeCase) => {
  let w: World;
  beforeAll(async () => {
    const h = await startHarness(storeCase);
    const team1 = await h.newTeam('one');
    const team2 = await h.newTeam('two');
    const a = await h.join(team1, 'admin');
    const b = await h.join(team1);
    const c = await h.join(team2, 'admin');
    for (const m of [a, b, c]) {
      await m.pushOk([
        newPerson(1, ids(m).private, m, { company: canary(m, 'private') }),
        newPerson(2, ids(m).shared, m, { scope: 'team', company: canary(m, 'shared') }),
      ]);
    }
    w = { h, a, b, c, team1, team2 };
  });
  afterAll(() => w.h.close());

  it('has an entry for every route the app serves', () => {
    const routes = new Set(w.h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    await MATRIX[route]?.(w);
  });
});
