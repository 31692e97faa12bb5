import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../src/sync/protocol';
import { edit, newPerson, nextStamp, teamOfTwo, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

/**
 * Record schema 3 on the server: companies, stages and opportunities are stored, authorized and
 * served by the same generic code as the older entities, so these tests hold the new kinds to the
 * old rules: private by default, a teammate's edit to a shared record merges per field, and
 * someone else's private record does not exist for a teammate.
 */

type Kind = 'companies' | 'stages' | 'opportunities';

const COMPLETE: Record<Kind, Op['set']> = {
  companies: { name: 'Acme GmbH', domains: 'acme.com acme.de', linkedinUrl: 'https://www.linkedin.com/company/acme' },
  stages: { name: 'Discovery', order: 1.5, outcome: 'open', idleDays: 21 },
  opportunities: {
    title: 'Acme rollout',
    companyId: 'co-acme',
    personIds: 'p1 p2',
    stageId: 'stage-lead',
    stageAt: Date.UTC(2026, 10, 2),
    value: 48_000,
    currency: 'EUR',
    closeAt: Date.UTC(2026, 11, 31),
  },
};
const KINDS = Object.keys(COMPLETE) as Kind[];

/** A complete new record of `entity`, private to its author unless `extra` says otherwise. */
function create(clientSeq: number, entity: Kind, id: string, m: Member, extra: Op['set'] = {}): Op {
  return {
    clientSeq,
    entity,
    id,
    hlc: nextStamp(m.clientId),
    set: { scope: `user:${m.userId}`, ownerId: m.userId, deleted: false, ...COMPLETE[entity], ...extra },
  };
}

const idOf: Record<Kind, string> = { companies: 'co-acme', stages: 'stage-discovery', opportunities: 'opp-acme' };

describe.each(storeCases)('companies, stages and opportunities ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
  });
  afterEach(() => h.close());

  it.each(KINDS)('a shared %s record reaches a teammate with every field', async (entity) => {
    const ack = await a.pushOk([create(1, entity, idOf[entity], a, { scope: 'team' })]);
    expect(ack).toMatchObject({ ackedThrough: 1, rejected: [] });
    const [row] = (await b.pullOk()).rows;
    expect(row).toMatchObject({ entity, id: idOf[entity], scope: 'team', ownerId: a.userId });
    expect(row?.values).toEqual({ deleted: false, ...COMPLETE[entity] });
  });

  it("carries a person's company and a task's opportunity", async () => {
    const task = { scope: 'team', ownerId: a.userId, deleted: false, personId: 'p1', title: 'Send the quote', done: false };
    await a.pushOk([
      create(1, 'companies', 'co-acme', a, { scope: 'team' }),
      newPerson(2, 'p1', a, { scope: 'team', companyId: 'co-acme' }),
      create(3, 'opportunities', 'opp-acme', a, { scope: 'team' }),
      edit(4, 'tasks', 't1', { ...task, opportunityId: 'opp-acme' }, a.clientId),
      // A company's own fact: an ordinary preference whose subject is the company.
      edit(
        5,
        'preferences',
        'f1',
        { scope: 'team', ownerId: a.userId, deleted: false, personId: 'co-acme', key: 'billing', value: 'net 30', pinned: false },
        a.clientId,
      ),
    ]);
    const rows = new Map((await b.pullOk()).rows.map((r) => [r.id, r.values]));
    expect(rows.get('p1')).toMatchObject({ companyId: 'co-acme' });
    expect(rows.get('t1')).toMatchObject({ opportunityId: 'opp-acme' });
    expect(rows.get('f1')).toMatchObject({ personId: 'co-acme' });
    // Unlinking is a null, which every client reads as "no company".
    await b.pushOk([edit(1, 'people', 'p1', { companyId: null }, b.clientId)]);
    expect((await a.pullOk()).rows.find((r) => r.id === 'p1')?.values.companyId).toBeNull();
  });

  it("merges a teammate's edit to a shared opportunity field by field, and keeps its owner", async () => {
    await a.pushOk([create(1, 'opportunities', 'opp-acme', a, { scope: 'team' })]);
    await b.pullOk();
    // Offline at once: A renames the deal while B moves it on the board.
    const rename = edit(2, 'opportunities', 'opp-acme', { title: 'Acme rollout, phase 1' }, a.clientId);
    const move = edit(1, 'opportunities', 'opp-acme', { stageId: 'stage-proposal', stageAt: Date.UTC(2026, 10, 20) }, b.clientId);
    await b.pushOk([move]);
    await a.pushOk([rename]);
    const refused = await b.pushOk([edit(2, 'opportunities', 'opp-acme', { scope: `user:${a.userId}` }, b.clientId)]);
    expect(refused.rejected.map((r) => r.code)).toEqual(['FORBIDDEN']);
    for (const m of [a, b]) {
      const row = (await m.pullOk()).rows.find((r) => r.id === 'opp-acme');
      expect(row).toMatchObject({ scope: 'team', ownerId: a.userId });
      expect(row?.values).toMatchObject({ title: 'Acme rollout, phase 1', stageId: 'stage-proposal', stageAt: Date.UTC(2026, 10, 20) });
    }
  });

  it('two teammates editing the same default stage write one record', async () => {
    // A default stage becomes a record on its first edit, under the default's id, by whoever edits.
    const stage = (m: Member, seq: number, name: string) =>
      create(seq, 'stages', 'stage-lead', m, { scope: 'team', name, order: 1, outcome: 'open', idleDays: 14 });
    await a.pushOk([stage(a, 1, 'Lead')]);
    const ack = await b.pushOk([stage(b, 1, 'Inbound lead')]);
    expect(ack.rejected).toEqual([]);
    const rows = (await a.pullOk()).rows.filter((r) => r.id === 'stage-lead');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ownerId: a.userId, scope: 'team', values: { name: 'Inbound lead' } });
  });

  it.each(KINDS)('a private %s record does not exist for a teammate', async (entity) => {
    const id = idOf[entity];
    const secret = `canary-${entity}-${a.userId}`;
    const field = entity === 'opportunities' ? 'title' : 'name';
    await a.pushOk([create(1, entity, id, a, { [field]: secret })]);
    const seen = await b.pull();
    expect(await seen.text()).not.toContain(secret);
    const ack = await b.pushOk([edit(1, entity, id, { [field]: 'B was here' }, b.clientId), create(2, entity, id, b, { scope: 'team' })]);
    expect(ack.rejected.map((r) => r.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(JSON.stringify(ack)).not.toContain(secret);
    const [mine] = (await a.pullOk()).rows;
    expect(mine?.values[field]).toBe(secret);

    // Shared, then private again: the teammate sees it, then is told to drop it.
    await a.pushOk([edit(2, entity, id, { scope: 'team' }, a.clientId)]);
    const shared = await b.pullOk();
    expect(shared.rows.map((r) => r.id)).toEqual([id]);
    await a.pushOk([edit(3, entity, id, { scope: `user:${a.userId}` }, a.clientId)]);
    const evicted = await b.pullOk({ cursor: shared.cursor });
    expect(evicted.rows).toEqual([]);
    expect(evicted.evictions).toEqual([{ entity, id }]);
  });

  it('refuses incomplete or malformed new records for good', async () => {
    const { set } = create(4, 'opportunities', 'opp-stageless', a);
    const withoutStage = Object.fromEntries(Object.entries(set).filter(([k]) => k !== 'stageId'));
    const ack = await a.pushOk([
      edit(1, 'companies', 'co-nameless', { scope: `user:${a.userId}`, ownerId: a.userId, deleted: false, domains: 'x.com' }, a.clientId),
      create(2, 'opportunities', 'opp-lower', a, { currency: 'eur' }),
      create(3, 'stages', 'stage-maybe', a, { outcome: 'maybe' }),
      { ...create(4, 'opportunities', 'opp-stageless', a), set: withoutStage },
      create(5, 'companies', 'co-ok', a),
    ]);
    expect(ack.rejected.map((r) => [r.clientSeq, r.code])).toEqual([
      [1, 'INVALID'],
      [2, 'INVALID'],
      [3, 'INVALID'],
      [4, 'INVALID'],
    ]);
    expect((await a.pullOk()).rows.map((r) => r.id)).toEqual(['co-ok']);
  });
});
