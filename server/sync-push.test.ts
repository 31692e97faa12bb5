import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../src/sync/hlc';
import { PROTOCOL_VERSION, type Op } from '../src/sync/protocol';
import { ServerClock } from './sync/server-clock';
import { edit, newPerson, nextStamp, stamp, startHarness, teamOfTwo, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

describe.each(storeCases)('push ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
  });
  afterEach(() => h.close());

  it('round-trips a record from one member to another', async () => {
    const ack = await a.pushOk([newPerson(1, 'p1', a, { scope: 'team', company: 'Acme' })]);
    expect(ack).toMatchObject({ ackedThrough: 1, rejected: [], rewritten: [] });
    const page = await b.pullOk();
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      entity: 'people',
      id: 'p1',
      scope: 'team',
      ownerId: a.userId,
      values: { name: 'Person p1', company: 'Acme', deleted: false },
    });
    expect(page).toMatchObject({ hasMore: false, cursor: page.upTo, lastClientSeq: 0, serverEpoch: ack.serverEpoch });
    expect((await a.pullOk()).lastClientSeq).toBe(1);
  });

  it('acks a re-pushed batch without applying it twice', async () => {
    const ops = [newPerson(1, 'p1', a), edit(2, 'people', 'p1', { company: 'Acme' }, a.clientId)];
    await a.pushOk(ops);
    const before = await a.pullOk();
    expect(await a.pushOk(ops)).toMatchObject({ ackedThrough: 2, rejected: [] });
    const after = await a.pullOk();
    expect(after.upTo).toBe(before.upTo);
    expect(after.rows).toEqual(before.rows);
  });

  it('answers a gap with 409 and the expected clientSeq', async () => {
    await a.pushOk([newPerson(1, 'p1', a)]);
    const res = await a.push([edit(3, 'people', 'p1', { company: 'X' }, a.clientId)]);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'GAP', expectedClientSeq: 2 });
  });

  it('rejects a request whose ops are not contiguous', async () => {
    const res = await a.push([newPerson(1, 'p1', a), newPerson(3, 'p2', a)]);
    expect(res.status).toBe(400);
  });

  it('after a lost response, the retry is acked and repeats the recorded outcomes', async () => {
    const bad = edit(2, 'people', 'p1', { name: 'x'.repeat(401) }, a.clientId);
    const future = edit(3, 'people', 'p1', { company: 'Later' }, a.clientId, stamp(Date.now() + 3_600_000, a.clientId));
    const first = await a.pushOk([newPerson(1, 'p1', a), bad, future]);
    // The client never saw `first`; it resends everything plus one new op.
    const retry = await a.pushOk([newPerson(1, 'p1', a), bad, future, edit(4, 'people', 'p1', { headline: 'CEO' }, a.clientId)]);
    expect(retry.ackedThrough).toBe(4);
    expect(retry.rejected).toEqual(first.rejected);
    expect(retry.rewritten).toEqual(first.rewritten);
    const [row] = (await a.pullOk()).rows;
    expect(row?.values).toMatchObject({ name: 'Person p1', company: 'Later', headline: 'CEO' });
  });

  it('rejects invalid ops permanently and moves on', async () => {
    const ack = await a.pushOk([
      newPerson(1, 'p1', a),
      edit(2, 'people', 'p1', { nickname: 'unknown field' }, a.clientId),
      edit(3, 'notes', 'n1', { body: 'no person, kind or time' }, a.clientId),
      edit(4, 'people', 'p1', { company: 'Acme' }, a.clientId),
    ]);
    expect(ack.ackedThrough).toBe(4);
    expect(ack.rejected.map((r) => [r.clientSeq, r.code])).toEqual([
      [2, 'INVALID'],
      [3, 'INVALID'],
    ]);
    expect(ack.rejected[0]?.message).not.toContain('unknown field');
    const page = await a.pullOk();
    expect(page.rows.map((r) => r.id)).toEqual(['p1']);
    expect(page.lastClientSeq).toBe(4);
  });

  it("takes a task's due time (record schema 2) and refuses a time past the day", async () => {
    const task = { ownerId: a.userId, scope: `user:${a.userId}`, deleted: false, personId: 'p1', title: 'Call back', done: false };
    const ack = await a.pushOk([
      newPerson(1, 'p1', a),
      edit(2, 'tasks', 't1', { ...task, due: new Date(2026, 2, 29).getTime(), dueTime: 15 * 60 }, a.clientId),
      edit(3, 'tasks', 't1', { dueTime: 24 * 60 }, a.clientId),
    ]);
    expect(ack.rejected.map((r) => [r.clientSeq, r.code])).toEqual([[3, 'INVALID']]);
    expect((await a.pullOk()).rows.find((r) => r.id === 't1')?.values).toMatchObject({ dueTime: 900 });
  });

  it('merges per field by clock, whatever order the ops arrive in', async () => {
    await a.pushOk([newPerson(1, 'p1', a, { scope: 'team' })]);
    const early = stamp(Date.now() - 5000, b.clientId);
    const late = stamp(Date.now() - 1000, a.clientId);
    await a.pushOk([edit(2, 'people', 'p1', { company: 'A wins' }, a.clientId, late)]);
    const ack = await b.pushOk([edit(1, 'people', 'p1', { company: 'B loses', headline: 'B only' }, b.clientId, early)]);
    expect(ack.rejected).toEqual([]);
    const [row] = (await b.pullOk()).rows;
    expect(row?.values).toMatchObject({ company: 'A wins', headline: 'B only' });
  });

  it('merges a teammate adding the same identity to a shared person instead of refusing it', async () => {
    // Identity ids are `${personId}|${kind}:${value}`: two members adding the same address to a
    // shared person write the same record. The second create names its own author as owner.
    const id = 'p1|email:ada@example.com';
    const identity = (m: Member, seq: number, set: Op['set']): Op => ({
      clientSeq: seq,
      entity: 'identities',
      id,
      hlc: nextStamp(m.clientId),
      set: { ownerId: m.userId, deleted: false, personId: 'p1', kind: 'email', value: 'ada@example.com', ...set },
    });
    await a.pushOk([newPerson(1, 'p1', a, { scope: 'team' }), identity(a, 2, { scope: 'team', display: 'ada@example.com' })]);
    const ack = await b.pushOk([
      identity(b, 1, { scope: 'team', display: 'Ada@Example.com' }),
      identity(b, 2, { scope: `user:${b.userId}` }),
      identity(b, 3, { ownerId: 'someone-else', scope: 'team' }),
      edit(4, 'identities', id, { scope: `user:${a.userId}` }, b.clientId),
    ]);
    expect(ack.rejected.map((r) => [r.clientSeq, r.code])).toEqual([
      [3, 'FORBIDDEN'],
      [4, 'FORBIDDEN'],
    ]);
    const row = (await b.pullOk()).rows.find((r) => r.id === id);
    expect(row).toMatchObject({ scope: 'team', ownerId: a.userId, values: { display: 'Ada@Example.com', deleted: false } });
  });

  it('keeps deletes as an ordinary field', async () => {
    await a.pushOk([newPerson(1, 'p1', a), edit(2, 'people', 'p1', { deleted: true }, a.clientId)]);
    const [row] = (await a.pullOk()).rows;
    expect(row?.values.deleted).toBe(true);
  });

  it('re-stamps ops stamped too far in the future', async () => {
    const now = 1_800_000_000_000;
    await h.close();
    h = await startHarness(storeCase, { clock: new ServerClock(() => now, 'srv-test') });
    const team = await h.newTeam();
    a = await h.join(team);
    const far = stamp(now + 10 * 60_000, a.clientId);
    const near = stamp(now + 4_000, a.clientId);
    const ack = await a.pushOk([{ ...newPerson(1, 'p1', a), hlc: far }, edit(2, 'people', 'p1', { company: 'Acme' }, a.clientId, near)]);
    expect(ack.rewritten).toHaveLength(1);
    const rewritten = ack.rewritten[0];
    expect(rewritten?.clientSeq).toBe(1);
    expect(parseHlc(rewritten?.hlc ?? '').wall).toBe(now);
    const [row] = (await a.pullOk()).rows;
    expect(row?.clocks.name).toBe(rewritten?.hlc);
    expect(row?.clocks.company).toBe(near);
    expect(ack.serverHlc > near).toBe(true);
  });

  it('keeps commit order equal to seq order under concurrent pushes from two clients', async () => {
    await a.pushOk([newPerson(1, 'shared', a, { scope: 'team' })]);
    const batches = (m: Member, from: number) =>
      Array.from({ length: 8 }, (_, i): Op[] =>
        Array.from({ length: 5 }, (_, j) => newPerson(from + i * 5 + j, `${m.userId}-${i}-${j}`, m, { scope: 'team' })),
      );
    // Each client pushes its batches in order (as the client does); the two clients race.
    const run = async (m: Member, list: Op[][]) => {
      for (const ops of list) await m.pushOk(ops);
    };
    await Promise.all([run(a, batches(a, 2)), run(b, batches(b, 1))]);
    const pages = await a.pullAll(0, 7);
    const rows = pages.flatMap((p) => p.rows);
    expect(rows).toHaveLength(81);
    const seqs = rows.map((r) => r.rowSeq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(pages.at(-1)?.upTo).toBe(81);
  });

  it('refuses another user’s client id with 404', async () => {
    await a.pushOk([newPerson(1, 'p1', a)]);
    const res = await b.push([newPerson(1, 'p2', b)], a.clientId);
    expect(res.status).toBe(404);
  });

  it('answers an old schema with 426 and a newer one with 409', async () => {
    const body = (schemaVersion: number) => ({ protocol: PROTOCOL_VERSION, clientId: a.clientId, schemaVersion, ops: [] });
    const old = await a.call('POST', '/v1/sync/push', body(0));
    expect(old.status).toBe(426);
    expect(await old.json()).toMatchObject({ code: 'CLIENT_TOO_OLD' });
    expect((await a.call('POST', '/v1/sync/push', { ...body(0), extra: 'old shape' })).status).toBe(426);
    expect((await a.call('POST', '/v1/sync/push', body(99))).status).toBe(409);
    expect((await a.pull({ schemaVersion: 0 })).status).toBe(426);
    expect((await a.call('GET', '/v1/me', undefined)).status).toBe(200);
  });

  it('asks a client on record schema 2 to update (426) rather than send it a company it cannot read', async () => {
    await a.pushOk([newPerson(1, 'p1', a, { scope: 'team' })]);
    // What the last schema-2 release sends: a person edit it holds in its outbox.
    const push = await a.call('POST', '/v1/sync/push', {
      protocol: PROTOCOL_VERSION,
      clientId: a.clientId,
      schemaVersion: 2,
      ops: [edit(2, 'people', 'p1', { company: 'Acme' }, a.clientId)],
    });
    expect(push.status).toBe(426);
    expect(await push.json()).toMatchObject({ code: 'CLIENT_TOO_OLD' });
    const pull = await b.pull({ schemaVersion: 2 });
    expect(pull.status).toBe(426);
    expect(await pull.json()).toMatchObject({ code: 'CLIENT_TOO_OLD' });
    expect((await b.call('GET', '/v1/sync/events?schemaVersion=2')).status).toBe(426);
    // Refused before the store: the op was not taken, so the client's outbox is still what counts.
    expect((await a.pullOk()).lastClientSeq).toBe(1);
    expect((await b.pullOk()).rows.map((r) => r.values.company)).toEqual([undefined]);
  });
});
