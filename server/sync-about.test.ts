import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AboutResponseSchema, PullCountResponseSchema } from '../src/sync/about-protocol';
import { SCHEMA_VERSION, type Op } from '../src/sync/protocol';
import { edit, newPerson, nextStamp, teamOfTwo, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

/** A shared or private record about `personId`, complete as a client would push it. */
function about(clientSeq: number, m: Member, entity: Op['entity'], id: string, personId: string, set: Op['set'] = {}): Op {
  return {
    clientSeq,
    entity,
    id,
    hlc: nextStamp(m.clientId),
    set: { scope: 'team', ownerId: m.userId, deleted: false, personId, ...set },
  };
}

const email = (personId: string, value: string) => ({ kind: 'email', value, display: value, personId });

describe.each(storeCases)('prioritized pull ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  let outsider: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
    outsider = await h.join(await h.newTeam('Other'));
  });
  afterEach(() => h.close());

  const askAbout = (m: Member, identities: string[], clientId = m.clientId) =>
    m.call('POST', '/v1/sync/about', { clientId, schemaVersion: SCHEMA_VERSION, identities });
  const aboutOk = async (m: Member, identities: string[]) => {
    const res = await askAbout(m, identities);
    expect(res.status).toBe(200);
    return AboutResponseSchema.parse(await res.json());
  };
  const ids = (rows: { entity: string; id: string }[]) => rows.map((r) => `${r.entity}/${r.id}`).sort();

  it('sends the person an address names and every record about them, as the full pull has them', async () => {
    await a.pushOk([
      { ...newPerson(1, 'p-ana', a, { scope: 'team', companyId: 'co-acme' }) },
      about(2, a, 'identities', 'p-ana|email:ana@acme.com', 'p-ana', email('p-ana', 'ana@acme.com')),
      about(3, a, 'identities', 'p-ana|x:ana', 'p-ana', { kind: 'x', value: 'ana', display: '@ana' }),
      about(4, a, 'notes', 'n-1', 'p-ana', { kind: 'note', body: 'Met at the fair', occurredAt: 1 }),
      about(5, a, 'preferences', 'p-ana|coffee', 'p-ana', { key: 'coffee', value: 'black', pinned: false }),
      about(6, a, 'tasks', 't-1', 'p-ana', { title: 'Send the offer', done: false }),
      {
        clientSeq: 7,
        entity: 'companies',
        id: 'co-acme',
        hlc: nextStamp(a.clientId),
        set: { scope: 'team', ownerId: a.userId, deleted: false, name: 'Acme' },
      },
      // Someone else entirely.
      { ...newPerson(8, 'p-bob', a, { scope: 'team' }) },
      about(9, a, 'identities', 'p-bob|email:bob@beta.com', 'p-bob', email('p-bob', 'bob@beta.com')),
      about(10, a, 'notes', 'n-2', 'p-bob', { kind: 'note', body: 'Bob', occurredAt: 1 }),
    ]);
    const found = await aboutOk(b, ['email:ana@acme.com']);
    expect(ids(found.rows)).toEqual(
      [
        'companies/co-acme',
        'identities/p-ana|email:ana@acme.com',
        'identities/p-ana|x:ana',
        'notes/n-1',
        'people/p-ana',
        'preferences/p-ana|coffee',
        'tasks/t-1',
      ].sort(),
    );
    expect(found.truncated).toBe(false);
    // Row for row what the full pull sends, clocks and seqs included.
    const full = (await b.pullAll()).flatMap((p) => p.rows);
    for (const row of found.rows) expect(full).toContainEqual(row);
    // A handle finds the same person; an unknown address finds nobody.
    expect(ids((await aboutOk(b, ['x:ana'])).rows)).toEqual(ids(found.rows));
    expect((await aboutOk(b, ['email:nobody@acme.com'])).rows).toEqual([]);
    // Two people at once.
    expect(ids((await aboutOk(b, ['email:ana@acme.com', 'email:bob@beta.com'])).rows)).toHaveLength(10);
  });

  it("never sends another team's records, nor another member's private ones", async () => {
    await a.pushOk([
      newPerson(1, 'p-ana', a, { scope: 'team' }),
      about(2, a, 'identities', 'p-ana|email:ana@acme.com', 'p-ana', email('p-ana', 'ana@acme.com')),
      about(3, a, 'notes', 'n-shared', 'p-ana', { kind: 'note', body: 'shared', occurredAt: 1 }),
      about(4, a, 'notes', 'n-a-private', 'p-ana', { scope: `user:${a.userId}`, kind: 'note', body: 'a only', occurredAt: 1 }),
      // A's private contact with an address of its own: nobody else may learn it exists.
      newPerson(5, 'p-secret', a),
      about(6, a, 'identities', 'p-secret|email:secret@x.com', 'p-secret', {
        ...email('p-secret', 'secret@x.com'),
        scope: `user:${a.userId}`,
      }),
      about(7, a, 'notes', 'n-secret', 'p-secret', { kind: 'note', body: 'about secret', occurredAt: 1 }),
    ]);
    await b.pushOk([
      about(1, b, 'notes', 'n-b-private', 'p-ana', { scope: `user:${b.userId}`, kind: 'note', body: 'b only', occurredAt: 1 }),
    ]);
    // The same address in another team, with its own records.
    await outsider.pushOk([
      newPerson(1, 'p-ana', outsider, { scope: 'team' }),
      about(2, outsider, 'identities', 'p-ana|email:ana@acme.com', 'p-ana', email('p-ana', 'ana@acme.com')),
      about(3, outsider, 'notes', 'n-outside', 'p-ana', { kind: 'note', body: 'other team', occurredAt: 1 }),
    ]);

    const forB = await aboutOk(b, ['email:ana@acme.com', 'email:secret@x.com']);
    expect(ids(forB.rows)).toEqual(['identities/p-ana|email:ana@acme.com', 'notes/n-b-private', 'notes/n-shared', 'people/p-ana']);
    for (const row of forB.rows) expect(row.values.body).not.toBe('other team');
    const forA = await aboutOk(a, ['email:ana@acme.com', 'email:secret@x.com']);
    expect(ids(forA.rows)).toEqual(
      [
        'identities/p-ana|email:ana@acme.com',
        'identities/p-secret|email:secret@x.com',
        'notes/n-a-private',
        'notes/n-secret',
        'notes/n-shared',
        'people/p-ana',
        'people/p-secret',
      ].sort(),
    );
    const forOutsider = await aboutOk(outsider, ['email:ana@acme.com']);
    expect(ids(forOutsider.rows)).toEqual(['identities/p-ana|email:ana@acme.com', 'notes/n-outside', 'people/p-ana']);
    expect(forOutsider.rows.every((r) => r.ownerId === outsider.userId)).toBe(true);
  });

  it('follows records that move: a changed subject, a record made private, a deleted identity', async () => {
    await a.pushOk([
      newPerson(1, 'p-ana', a, { scope: 'team' }),
      newPerson(2, 'p-bob', a, { scope: 'team' }),
      about(3, a, 'identities', 'p-ana|email:ana@acme.com', 'p-ana', email('p-ana', 'ana@acme.com')),
      about(4, a, 'notes', 'n-1', 'p-ana', { kind: 'note', body: 'one', occurredAt: 1 }),
      about(5, a, 'notes', 'n-2', 'p-ana', { kind: 'note', body: 'two', occurredAt: 1 }),
    ]);
    await a.pushOk([
      edit(6, 'notes', 'n-1', { personId: 'p-bob' }, a.clientId),
      edit(7, 'notes', 'n-2', { scope: `user:${a.userId}` }, a.clientId),
    ]);
    expect(ids((await aboutOk(b, ['email:ana@acme.com'])).rows)).toEqual(['identities/p-ana|email:ana@acme.com', 'people/p-ana']);
    await a.pushOk([edit(8, 'identities', 'p-ana|email:ana@acme.com', { deleted: true }, a.clientId)]);
    expect((await aboutOk(b, ['email:ana@acme.com'])).rows).toEqual([]);
  });

  it('refuses a malformed request and a client id of another member', async () => {
    expect((await askAbout(b, [])).status).toBe(400);
    expect(
      (await b.call('POST', '/v1/sync/about', { clientId: b.clientId, schemaVersion: SCHEMA_VERSION, identities: ['x'], extra: 1 })).status,
    ).toBe(400);
    expect(
      (
        await askAbout(
          b,
          Array.from({ length: 101 }, (_, i) => `email:p${i}@x.com`),
        )
      ).status,
    ).toBe(400);
    await a.pushOk([newPerson(1, 'p-1', a)]);
    expect((await askAbout(b, ['email:ana@acme.com'], a.clientId)).status).toBe(404);
    expect((await h.app.request('/v1/sync/about', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('counts what a pull of a range sends this member', async () => {
    await a.pushOk(
      Array.from({ length: 12 }, (_, i) => newPerson(i + 1, `p-${i}`, a, { scope: i % 3 === 0 ? `user:${a.userId}` : 'team' })),
    );
    await b.pushOk([newPerson(1, 'p-b', b)]);
    const count = async (m: Member, cursor: number, upTo: number) => {
      const res = await m.call('GET', `/v1/sync/pull/count?cursor=${cursor}&upTo=${upTo}&schemaVersion=${SCHEMA_VERSION}`);
      expect(res.status).toBe(200);
      return PullCountResponseSchema.parse(await res.json()).rows;
    };
    for (const [m, cursor] of [
      [a, 0],
      [b, 0],
      [b, 5],
      [outsider, 0],
    ] as const) {
      const pages = await m.pullAll(cursor, 4);
      expect(await count(m, cursor, pages[0]!.upTo)).toBe(pages.flatMap((p) => p.rows).length);
    }
    expect(await count(b, 0, 13)).toBe(9);
    expect((await b.call('GET', `/v1/sync/pull/count?cursor=5&upTo=2&schemaVersion=${SCHEMA_VERSION}`)).status).toBe(400);
    expect((await b.call('GET', `/v1/sync/pull/count?cursor=x&upTo=2&schemaVersion=${SCHEMA_VERSION}`)).status).toBe(400);
  });
});
