import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edit, newPerson, stamp, teamOfTwo, type Harness, type Member } from './test/harness';
import { rawStoreCases } from './test/raw-store';

const DAY = 86_400_000;

describe.each(rawStoreCases())('op log compaction ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  const rowsOf = (m: Member) => storeCase.count('select count(*) as n from op_log where client_id = ?', m.clientId);
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
  });
  afterEach(() => h.close());

  it('keeps the names of the fields an op set, never their values', async () => {
    await a.pushOk([newPerson(1, 'p1', a, { company: 'Acme Secret Works' })]);
    expect(
      await storeCase.count(`select count(*) as n from op_log where fields = ?`, '["scope","ownerId","deleted","name","company"]'),
    ).toBe(1);
    expect(await storeCase.everything()).not.toMatch(/op_log[^\n]*Acme Secret Works/);
  });

  it('drops a device’s rows once it pulled past them, keeping what its later pulls and re-sends need', async () => {
    const ops = [
      newPerson(1, 'p1', a),
      edit(2, 'people', 'p1', { company: 'A' }, a.clientId),
      edit(3, 'people', 'p1', { company: 'B' }, a.clientId),
    ];
    // A refused op and a re-stamped one: their outcome must still reach a device that lost the ack.
    const refused = edit(4, 'people', 'p1', { name: 'x'.repeat(401) }, a.clientId);
    const future = edit(5, 'people', 'p1', { company: 'Later' }, a.clientId, stamp(Date.now() + 3_600_000, a.clientId));
    await a.pushOk([...ops, refused, future, edit(6, 'people', 'p1', { company: 'C' }, a.clientId)]);
    expect(await rowsOf(a)).toBe(6);

    const first = await a.pullOk();
    expect(first.lastClientSeq).toBe(6);
    // Asking from the cursor proves the device has everything through it.
    const again = await a.pullOk({ cursor: first.cursor });
    expect(again.lastClientSeq).toBe(6);
    expect(await rowsOf(a)).toBe(3);
    // The refused and re-stamped ops are still answered as such to a device re-sending them.
    const resent = await a.pushOk([...ops, refused, future, edit(6, 'people', 'p1', { company: 'C' }, a.clientId)]);
    expect(resent.rejected.map((r) => r.clientSeq)).toEqual([4]);
    expect(resent.rewritten.map((r) => r.clientSeq)).toEqual([5]);
    // A teammate's pulls compact nothing of a's; a pull from 0 (a reset) still gets the newest.
    await b.pullAll();
    await b.pullOk({ cursor: first.cursor });
    expect(await rowsOf(a)).toBe(3);
    expect((await a.pullOk()).lastClientSeq).toBe(6);
  });

  it('drops rows past the retention time whatever the pulls, but each device’s newest', async () => {
    await a.pushOk([newPerson(1, 'p1', a), edit(2, 'people', 'p1', { name: 'x'.repeat(401) }, a.clientId)]);
    await b.pushOk([newPerson(1, 'p2', b), edit(2, 'people', 'p2', { company: 'B' }, b.clientId)]);
    expect(await h.store.compactOpLog(h.clock.now(), 30 * DAY)).toBe(0);
    const usage = await h.store.teamUsage(a.teamId);
    expect(await h.store.compactOpLog(h.clock.now() + 31 * DAY, 30 * DAY)).toBe(2);
    expect([await rowsOf(a), await rowsOf(b)]).toEqual([1, 1]);
    expect(await h.store.teamUsage(a.teamId)).toBe(usage - 2 * 200);
    expect((await a.pullOk()).lastClientSeq).toBe(2);
  });
});
