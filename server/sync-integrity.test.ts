import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../src/sync/hlc';
import type { Op } from '../src/sync/protocol';
import { ServerClock } from './sync/server-clock';
import { edit, newPerson, stamp, startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

/** Issue #15 point 4: a shared record is deleted only by its owner or an admin; clocks may run 5 s ahead at most. */
describe.each(storeCases)('integrity of shared records ($name)', (storeCase) => {
  let h: Harness;
  let owner: Member;
  let mate: Member;
  let admin: Member;
  /** Each member's next clientSeq, so tests read as a sequence of edits. */
  const seqs = new Map<Member, number>();
  const next = (m: Member) => {
    const n = (seqs.get(m) ?? 0) + 1;
    seqs.set(m, n);
    return n;
  };
  const note = (m: Member, id: string, body: string): Op =>
    edit(
      next(m),
      'notes',
      id,
      { ownerId: m.userId, scope: 'team', deleted: false, personId: 'p1', kind: 'note', body, occurredAt: 1 },
      m.clientId,
    );
  const rowOf = async (m: Member, entity: string, id: string) => (await m.pullOk()).rows.find((r) => r.entity === entity && r.id === id);

  beforeEach(async () => {
    seqs.clear();
    h = await startHarness(storeCase);
    const team = await h.newTeam();
    owner = await h.join(team);
    mate = await h.join(team);
    admin = await h.join(team, 'admin');
    await owner.pushOk([newPerson(next(owner), 'p1', owner, { scope: 'team' }), note(owner, 'n1', 'Prefers calls before 10')]);
  });
  afterEach(() => h.close());

  it("refuses a teammate's delete of a shared note with a clear FORBIDDEN, and keeps the note", async () => {
    const seq = next(mate);
    const ack = await mate.pushOk([edit(seq, 'notes', 'n1', { deleted: true }, mate.clientId)]);
    expect(ack.ackedThrough).toBe(seq);
    expect(ack.rejected).toEqual([
      { clientSeq: seq, code: 'FORBIDDEN', message: 'Only its author or a team admin can delete a shared record; you can still edit it.' },
    ]);
    expect((await rowOf(owner, 'notes', 'n1'))?.values).toMatchObject({ deleted: false, body: 'Prefers calls before 10' });
  });

  it("refuses a teammate's delete of a shared person too, even bundled with an edit", async () => {
    const seq = next(mate);
    const ack = await mate.pushOk([edit(seq, 'people', 'p1', { deleted: true, company: 'Gone' }, mate.clientId)]);
    expect(ack.rejected.map((r) => [r.clientSeq, r.code])).toEqual([[seq, 'FORBIDDEN']]);
    expect((await rowOf(owner, 'people', 'p1'))?.values).toMatchObject({ deleted: false, name: 'Person p1' });
  });

  it("still takes a teammate's field edits of a shared record", async () => {
    const ack = await mate.pushOk([edit(next(mate), 'notes', 'n1', { body: 'Prefers calls after 4' }, mate.clientId)]);
    expect(ack.rejected).toEqual([]);
    expect((await rowOf(owner, 'notes', 'n1'))?.values).toMatchObject({ deleted: false, body: 'Prefers calls after 4' });
  });

  it('lets the owner delete their shared note', async () => {
    const ack = await owner.pushOk([edit(next(owner), 'notes', 'n1', { deleted: true }, owner.clientId)]);
    expect(ack.rejected).toEqual([]);
    expect((await rowOf(mate, 'notes', 'n1'))?.values.deleted).toBe(true);
  });

  it("lets an admin delete a teammate's shared note", async () => {
    const ack = await admin.pushOk([edit(next(admin), 'notes', 'n1', { deleted: true }, admin.clientId)]);
    expect(ack.rejected).toEqual([]);
    expect((await rowOf(mate, 'notes', 'n1'))?.values.deleted).toBe(true);
  });

  it('lets a teammate merge a shared person away, and restore a deleted one', async () => {
    const merged = await mate.pushOk([edit(next(mate), 'people', 'p1', { deleted: true, mergedInto: 'p2' }, mate.clientId)]);
    expect(merged.rejected).toEqual([]);
    await owner.pushOk([edit(next(owner), 'notes', 'n1', { deleted: true }, owner.clientId)]);
    const restored = await mate.pushOk([edit(next(mate), 'notes', 'n1', { deleted: false }, mate.clientId)]);
    expect(restored.rejected).toEqual([]);
    expect((await rowOf(owner, 'notes', 'n1'))?.values.deleted).toBe(false);
  });

  it('lets a teammate remove an address from a shared person (an identity is part of the person)', async () => {
    const id = 'p1|email:ada@example.com';
    const set = {
      ownerId: owner.userId,
      scope: 'team',
      deleted: false,
      personId: 'p1',
      kind: 'email',
      value: 'ada@example.com',
      display: 'ada@example.com',
    };
    await owner.pushOk([edit(next(owner), 'identities', id, set, owner.clientId)]);
    const ack = await mate.pushOk([edit(next(mate), 'identities', id, { deleted: true }, mate.clientId)]);
    expect(ack.rejected).toEqual([]);
  });

  it('refuses the delete the same way when the retry of a lost response repeats it', async () => {
    const op = edit(next(mate), 'notes', 'n1', { deleted: true }, mate.clientId);
    const first = await mate.pushOk([op]);
    const retry = await mate.pushOk([op]);
    expect(retry.rejected).toEqual(first.rejected);
    expect(retry.rejected).toHaveLength(1);
  });
});

describe.each(storeCases)('writers ($name)', (storeCase) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(storeCase);
  });
  afterEach(() => h.close());

  it('names the teammates behind clock nodes, and nobody of another team', async () => {
    const team = await h.newTeam();
    const [ann, bob] = [await h.join(team), await h.join(team)];
    const stranger = await h.join(await h.newTeam());
    // A clientId is known to the server once it has pushed.
    for (const m of [ann, bob, stranger]) await m.pushOk([newPerson(1, `p-${m.userId}`, m)]);
    const res = await ann.call('POST', '/v1/sync/writers', { clientIds: [bob.clientId, stranger.clientId, 'never-seen'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ writers: [{ clientId: bob.clientId, userId: bob.userId, name: 'Test device' }] });
  });

  it('refuses a malformed request with 400 and no token with 401', async () => {
    const m = await h.join(await h.newTeam());
    expect((await m.call('POST', '/v1/sync/writers', { clientIds: [] })).status).toBe(400);
    expect((await m.call('POST', '/v1/sync/writers', { clientIds: ['bad id!'] })).status).toBe(400);
    expect((await h.app.request('/v1/sync/writers', { method: 'POST', body: '{"clientIds":["x"]}' })).status).toBe(401);
  });
});

describe.each(storeCases)('clock drift ($name)', (storeCase) => {
  const now = 1_800_000_000_000;
  let h: Harness;
  let wall = now;
  beforeEach(async () => {
    wall = now;
    h = await startHarness(storeCase, { clock: new ServerClock(() => wall, 'srv-test') });
  });
  afterEach(() => h.close());

  it('re-stamps an edit stamped 6 s ahead, so a later real edit wins', async () => {
    const team = await h.newTeam();
    const fast = await h.join(team);
    const honest = await h.join(team);
    await fast.pushOk([{ ...newPerson(1, 'p1', fast, { scope: 'team' }), hlc: stamp(now - 1_000, fast.clientId) }]);

    const ahead = stamp(now + 6_000, fast.clientId);
    const ack = await fast.pushOk([edit(2, 'people', 'p1', { company: 'Forged' }, fast.clientId, ahead)]);
    expect(ack.rewritten).toHaveLength(1);
    expect(ack.rewritten[0]?.clientSeq).toBe(2);
    expect(parseHlc(ack.rewritten[0]?.hlc ?? '').wall).toBe(now);

    // One second later (still 5 s before the forged stamp) a teammate edits with an honest clock.
    wall = now + 1_000;
    const real = await honest.pushOk([edit(1, 'people', 'p1', { company: 'Real' }, honest.clientId, stamp(wall, honest.clientId))]);
    expect(real.rejected).toEqual([]);
    const row = (await honest.pullOk()).rows.find((r) => r.id === 'p1');
    expect(row?.values.company).toBe('Real');
    expect(row?.clocks.company).toBe(stamp(wall, honest.clientId));
  });

  it('keeps a stamp 4 s ahead as it is (within drift)', async () => {
    const team = await h.newTeam();
    const m = await h.join(team);
    const near = stamp(now + 4_000, m.clientId);
    const ack = await m.pushOk([{ ...newPerson(1, 'p1', m), hlc: near }]);
    expect(ack.rewritten).toEqual([]);
    expect((await m.pullOk()).rows[0]?.clocks.name).toBe(near);
  });
});
