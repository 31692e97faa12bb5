import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../src/sync/protocol';
import { edit, newPerson, teamOfTwo, type Harness, type Member } from './test/harness';
import { rawStoreCases, type RawStoreCase } from './test/raw-store';
import { EVICTION_ROW_BYTES, OP_LOG_ROW_BYTES, storedRowBytes } from './store/storage-limits';

const QUOTA = 40_000;

/** The op log's and evictions' share of the team's usage, counted from their tables. */
async function logAndEvictionBytes(storeCase: RawStoreCase): Promise<number> {
  const logRows = await storeCase.count('select count(*) as n from op_log');
  const evictions = await storeCase.count('select count(*) as n from evictions');
  return logRows * OP_LOG_ROW_BYTES + evictions * EVICTION_ROW_BYTES;
}

describe.each(rawStoreCases())('team storage quota ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase, { storage: { teamQuotaBytes: QUOTA } }));
  });
  afterEach(() => h.close());

  const bigPerson = (seq: number, m: Member) =>
    newPerson(seq, `p${seq}-${m.clientId}`, m, { headline: 'h'.repeat(450), location: 'l'.repeat(450) });

  it('refuses a push past the quota with 507 TEAM_QUOTA_EXCEEDED, keeps nothing of it, and takes deletes to free space', async () => {
    let seq = 0;
    let res: Response;
    do res = await a.push([bigPerson(++seq, a)]);
    while (res.status === 200 && seq < 100);
    expect(res.status).toBe(507);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('TEAM_QUOTA_EXCEEDED');
    expect(body.message).toMatch(/Nothing was lost/);
    const usage = await h.store.teamUsage(a.teamId);
    expect(usage).toBeLessThanOrEqual(QUOTA);
    const seqBefore = await h.store.teamSeq(a.teamId);
    // The refused push left no row, no log entry and no sequence number behind.
    expect(await storeCase.count('select count(*) as n from entities where id = ?', `p${seq}-${a.clientId}`)).toBe(0);
    expect(await storeCase.count('select count(*) as n from op_log where client_id = ? and client_seq = ?', a.clientId, seq)).toBe(0);
    // The teammate is refused too: the quota is the team's.
    expect((await b.push([bigPerson(1, b)])).status).toBe(507);
    expect(await h.store.teamSeq(a.teamId)).toBe(seqBefore);

    // Deleting erases and frees space, so it goes through even now; then the refused push fits.
    const deletes: Op[] = [1, 2, 3].map((n, i) => edit(seq + i, 'people', `p${n}-${a.clientId}`, { deleted: true }, a.clientId));
    expect((await a.pushOk(deletes)).rejected).toEqual([]);
    expect(await h.store.teamUsage(a.teamId)).toBeLessThan(usage);
    expect((await a.push([bigPerson(seq + 3, a)])).status).toBe(200);
  });

  it('does not let refused ops fill the disk once the team is at its quota', async () => {
    let seq = 0;
    while ((await a.push([bigPerson(++seq, a)])).status === 200 && seq < 100);
    // Each of these would be refused (a name past 400 characters); they are not even logged now.
    const junk = Array.from({ length: 50 }, (_, i) => edit(i + 1, 'people', `p1-${a.clientId}`, { name: 'x'.repeat(401) }, b.clientId));
    expect((await b.push(junk)).status).toBe(507);
    expect(await storeCase.count('select count(*) as n from op_log where client_id = ?', b.clientId)).toBe(0);
  });

  it('counts usage as it goes exactly as a recount from the tables would', async () => {
    await a.pushOk([bigPerson(1, a), bigPerson(2, a), { ...bigPerson(3, a), set: { ...bigPerson(3, a).set, scope: 'team' } }]);
    await a.pushOk([
      edit(4, 'people', `p1-${a.clientId}`, { deleted: true }, a.clientId),
      edit(5, 'people', `p3-${a.clientId}`, { scope: `user:${a.userId}` }, a.clientId),
    ]);
    await a.pushOk([edit(6, 'people', `p2-${a.clientId}`, { name: 'x'.repeat(401) }, a.clientId)]);
    await a.pullAll();
    await a.pullOk({ cursor: await h.store.teamSeq(a.teamId) });
    await h.store.compactOpLog(h.clock.now() + 1e12, 1);
    // Every row is a's, so a's pull from 0 is the whole team.
    const rows = (await a.pullAll()).flatMap((p) => p.rows);
    expect(rows).toHaveLength(3);
    const recordBytes = rows.reduce((sum, r) => sum + storedRowBytes(JSON.stringify(r.values), JSON.stringify(r.clocks)), 0);
    expect(await h.store.teamUsage(a.teamId)).toBe(recordBytes + (await logAndEvictionBytes(storeCase)));
  });
});
