import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../src/sync/protocol';
import { edit, newPerson, teamOfTwo, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

describe.each(storeCases)('pull ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
  });
  afterEach(() => h.close());

  const people = (m: Member, from: number, n: number, scope = 'team'): Op[] =>
    Array.from({ length: n }, (_, i) => newPerson(from + i, `${m.userId}-${from + i}`, m, { scope }));

  it('pages with a pinned upTo, and a row changed meanwhile comes in the next pull', async () => {
    await a.pushOk(people(a, 1, 25));
    const first = await b.pullOk({ limit: 10 });
    expect(first).toMatchObject({ upTo: 25, cursor: 10, hasMore: true });
    // A change during the catch-up lands above upTo: not in this range, never lost.
    await a.pushOk([edit(26, 'people', first.rows[0]?.id ?? '', { company: 'Changed' }, a.clientId)]);
    const second = await b.pullOk({ limit: 10, cursor: first.cursor, upTo: first.upTo });
    const third = await b.pullOk({ limit: 10, cursor: second.cursor, upTo: second.upTo });
    expect(third).toMatchObject({ upTo: 25, cursor: 25, hasMore: false });
    expect([...first.rows, ...second.rows, ...third.rows]).toHaveLength(25);
    const next = await b.pullOk({ cursor: third.cursor });
    expect(next.rows.map((r) => [r.id, r.values.company])).toEqual([[first.rows[0]?.id, 'Changed']]);
  });

  it('reports lastClientSeq only up to the page it returns', async () => {
    await a.pushOk(people(a, 1, 3));
    const pages = await a.pullAll(0, 1);
    expect(pages.map((p) => p.lastClientSeq)).toEqual([1, 2, 3]);
  });

  it('matches a naive full scan whatever the page size', async () => {
    await a.pushOk(people(a, 1, 12));
    await b.pushOk(people(b, 1, 5, `user:${b.userId}`));
    await a.pushOk([
      edit(13, 'people', `${a.userId}-3`, { company: 'x' }, a.clientId),
      edit(14, 'people', `${a.userId}-4`, { scope: `user:${a.userId}` }, a.clientId),
    ]);
    const full = (await b.pullAll(0, 5000)).flatMap((p) => p.rows);
    for (const limit of [1, 2, 3, 7]) {
      expect((await b.pullAll(0, limit)).flatMap((p) => p.rows)).toEqual(full);
    }
    expect(full.map((r) => r.id).sort()).toEqual(
      [
        ...Array.from({ length: 12 }, (_, i) => `${a.userId}-${i + 1}`).filter((id) => id !== `${a.userId}-4`),
        ...Array.from({ length: 5 }, (_, i) => `${b.userId}-${i + 1}`),
      ].sort(),
    );
  });

  it('never sends a private row to anyone but its owner', async () => {
    await a.pushOk([newPerson(1, 'secret', a), newPerson(2, 'shared', a, { scope: 'team' })]);
    expect((await a.pullOk()).rows.map((r) => r.id).sort()).toEqual(['secret', 'shared']);
    const seen = await b.pullOk();
    expect(seen.rows.map((r) => r.id)).toEqual(['shared']);
    expect(JSON.stringify(seen)).not.toContain('secret');
  });

  it('refuses writes to someone else’s private record as if it did not exist', async () => {
    await a.pushOk([newPerson(1, 'secret', a, { company: 'Original' })]);
    const ack = await b.pushOk([edit(1, 'people', 'secret', { company: 'Hijacked' }, b.clientId)]);
    expect(ack.rejected).toMatchObject([{ clientSeq: 1, code: 'NOT_FOUND' }]);
    const [row] = (await a.pullOk()).rows;
    expect(row?.values.company).toBe('Original');
  });

  it('lets only the owner change scope, and only to the team or themself', async () => {
    await a.pushOk([newPerson(1, 'p', a, { scope: 'team' })]);
    const byOther = await b.pushOk([
      edit(1, 'people', 'p', { scope: `user:${b.userId}` }, b.clientId),
      edit(2, 'people', 'p', { ownerId: b.userId }, b.clientId),
      edit(3, 'people', 'p', { company: 'edit is fine' }, b.clientId),
    ]);
    expect(byOther.rejected.map((r) => r.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const byOwner = await a.pushOk([edit(2, 'people', 'p', { scope: `user:${b.userId}` }, a.clientId)]);
    expect(byOwner.rejected.map((r) => r.code)).toEqual(['INVALID']);
    const [row] = (await b.pullOk()).rows;
    expect(row).toMatchObject({ scope: 'team', ownerId: a.userId, values: { company: 'edit is fine' } });
  });

  it('evicts a record from everyone else when it turns private, and brings it back when shared', async () => {
    await a.pushOk([newPerson(1, 'p', a, { scope: 'team' }), newPerson(2, 'q', a, { scope: 'team' })]);
    const seen = await b.pullOk();
    expect(seen.rows.map((r) => r.id)).toEqual(['p', 'q']);

    await a.pushOk([edit(3, 'people', 'p', { scope: `user:${a.userId}`, company: 'private now' }, a.clientId)]);
    const evicted = await b.pullOk({ cursor: seen.cursor });
    expect(evicted.evictions).toEqual([{ entity: 'people', id: 'p' }]);
    expect(evicted.rows).toEqual([]);
    expect(JSON.stringify(evicted)).not.toContain('private now');
    // A fresh client of B never hears of it at all; the owner gets the row, not an eviction.
    expect((await b.pullOk()).rows.map((r) => r.id)).toEqual(['q']);
    const owner = await a.pullOk({ cursor: seen.cursor });
    expect(owner).toMatchObject({ evictions: [], rows: [{ id: 'p', scope: `user:${a.userId}` }] });

    await a.pushOk([edit(4, 'people', 'p', { scope: 'team' }, a.clientId)]);
    const back = await b.pullOk({ cursor: evicted.cursor });
    expect(back.rows.map((r) => [r.id, r.values.company])).toEqual([['p', 'private now']]);
    // Catching up across both changes: the row wins, the stale eviction is not sent.
    const across = await b.pullOk({ cursor: seen.cursor });
    expect(across.evictions).toEqual([]);
  });

  it('pages evictions together with rows', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `e${i}`);
    await a.pushOk(ids.map((id, i) => newPerson(i + 1, id, a, { scope: 'team' })));
    const base = await b.pullOk();
    await a.pushOk(ids.map((id, i) => edit(7 + i, 'people', id, { scope: `user:${a.userId}` }, a.clientId)));
    await a.pushOk([newPerson(13, 'last', a, { scope: 'team' })]);
    const pages = await b.pullAll(base.cursor, 4);
    expect(pages.flatMap((p) => p.evictions.map((e) => e.id))).toEqual(ids);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(['last']);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('rejects an upTo ahead of the server and tells a client ahead of the server', async () => {
    await a.pushOk(people(a, 1, 2));
    expect((await a.pull({ upTo: 3 })).status).toBe(400);
    const ahead = await a.pullOk({ cursor: 50 });
    expect(ahead).toMatchObject({ upTo: 2, cursor: 50, rows: [], hasMore: false });
  });

  it('after a restore, a new epoch tells every client to start over', async () => {
    await a.pushOk([newPerson(1, 'p', a, { scope: 'team' })]);
    const before = await b.pullOk();
    await h.store.startNewEpoch();
    const after = await b.pullOk({ cursor: before.cursor });
    expect(after.serverEpoch).not.toBe(before.serverEpoch);
    expect((await a.pushOk([edit(2, 'people', 'p', { company: 'x' }, a.clientId)])).serverEpoch).toBe(after.serverEpoch);
  });

  it('refuses another user’s client id with 404', async () => {
    await a.pushOk(people(a, 1, 1));
    expect((await b.pull({ clientId: a.clientId })).status).toBe(404);
  });
});
