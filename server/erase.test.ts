import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Op } from '../src/sync/protocol';
import { DEFAULT_STORAGE_LIMITS } from './store/storage-limits';
import { edit, nextStamp, teamOfTwo, type Harness, type Member } from './test/harness';
import { rawStoreCases } from './test/raw-store';

const SECRET = 'Zq7 the safe code is 4711';
const EDITED = 'Zq8 moved to the cellar';
const REFUSED = 'Zq9 refused words';

function newNote(clientSeq: number, id: string, m: Member, body: string, scope: 'team' | 'private' = 'team'): Op {
  return {
    clientSeq,
    entity: 'notes',
    id,
    hlc: nextStamp(m.clientId),
    set: {
      scope: scope === 'team' ? 'team' : `user:${m.userId}`,
      ownerId: m.userId,
      deleted: false,
      personId: 'p1',
      kind: 'note',
      body,
      occurredAt: 1,
    },
  };
}

describe.each(rawStoreCases())('erase on delete ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  beforeEach(async () => {
    ({ h, a, b } = await teamOfTwo(storeCase));
  });
  afterEach(() => h.close());

  it('leaves a deleted note’s text in no table, from the note, a teammate’s edit or a refused op', async () => {
    await a.pushOk([newNote(1, 'n1', a, SECRET)]);
    await b.pullAll();
    await b.pushOk([edit(1, 'notes', 'n1', { body: EDITED }, b.clientId)]);
    // Refused (a body past 20,000 characters): the server must not keep it either.
    const refused = await b.pushOk([edit(2, 'notes', 'n1', { body: `${REFUSED} ${'x'.repeat(20_001)}` }, b.clientId)]);
    expect(refused.rejected).toMatchObject([{ clientSeq: 2, code: 'INVALID' }]);
    // The search works: the current text is found before the delete.
    expect(await storeCase.everything()).toContain(EDITED);

    await a.pushOk([edit(2, 'notes', 'n1', { deleted: true }, a.clientId)]);
    const seen = (await b.pullAll()).flatMap((p) => p.rows).find((r) => r.id === 'n1');
    expect(seen?.values).toEqual({ deleted: true });
    await a.pullAll();
    await h.store.compactOpLog(h.clock.now(), DEFAULT_STORAGE_LIMITS.opLogRetentionMs);

    const all = await storeCase.everything();
    for (const text of [SECRET, EDITED, REFUSED]) expect(all).not.toContain(text);
    // The tombstone is still there, with its clocks, for the merge.
    expect(await storeCase.count(`select count(*) as n from entities where id = ?`, 'n1')).toBe(1);
  });

  it('takes a record created deleted (deleted on its device before it was ever sent) as a tombstone', async () => {
    const create = newNote(1, 'n2', a, SECRET);
    const ack = await a.pushOk([{ ...create, set: { scope: 'team', ownerId: a.userId, deleted: true } }]);
    expect(ack.rejected).toEqual([]);
    expect((await b.pullOk()).rows).toMatchObject([{ id: 'n2', values: { deleted: true } }]);
  });
});
