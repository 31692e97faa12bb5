import { describe, expect, it } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { addIdentity } from '../../../src/storage/records/identity';
import { findPersonByIdentity } from '../../../src/storage/records/identity-lookup';
import { mergePeople } from '../../../src/storage/people/merge-people';
import { undoMerge } from '../../../src/storage/people/merge-undo';
import { addNote } from '../../../src/storage/records/notes';
import { createPerson, updatePerson } from '../../../src/storage/records/people';
import { search } from '../../../src/storage/search/search';
import { deferWordIndex } from '../../../src/storage/search/search-index';
import { writeRecord } from '../../../src/storage/records/write';
import { leaveTeam } from '../../../src/sync/client/account';
import { SyncApiError, type Fetch } from '../../../src/sync/client/api';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta, setMeta } from '../../../src/sync/client/state';
import { apiFor, joinWith } from '../../support/sync-client';
import { simSuite } from '../../support/sim-suite';

const opts = { now: () => Date.now() };
const sim = simSuite();
const { client } = sim;

/** A person shared with the team from the start (the UI's share toggle does the same write). */
function sharedPerson(db: ClydeDB, name: string) {
  return writeRecord(db, 'people', crypto.randomUUID(), { name, scope: 'team' }, { create: true });
}

async function sync(db: ClydeDB, fetch: Fetch = sim.server.fetch) {
  return syncOnce(db, await apiFor(db, fetch), opts);
}

/** Two members of one team, each on their own device. */
async function pair() {
  const a = client();
  const b = client();
  await joinWith(a, await sim.server.invite(), sim.server.fetch);
  await joinWith(b, await sim.server.invite(), sim.server.fetch);
  return { a, b };
}

describe('sync client against the in-process server', () => {
  it('round trip: a shared note reaches the teammate, a private one never does', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada');
    const shared = await addNote(a, person.id, { body: 'shared' });
    await writeRecord(a, 'notes', shared.id, { scope: 'team' });
    const secret = await addNote(a, person.id, { body: 'secret' });
    await sync(a);
    await sync(b);
    expect((await b.notes.get(shared.id))?.body).toBe('shared');
    expect((await b.people.get(person.id))?.name).toBe('Ada');
    expect(await b.notes.get(secret.id)).toBeUndefined();
    expect(await b.srv.get(['notes', secret.id])).toBeUndefined();
    // A's own view is now derived from the server: outbox drained after its next pull.
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    expect((await a.notes.get(secret.id))?.body).toBe('secret');
    expect((await getMeta(a, 'syncStatus'))?.pending).toBe(0);
  });

  it('offline edits wait in the outbox and arrive after reconnecting', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Before');
    await sync(a);
    await sync(b);
    await updatePerson(a, person.id, { name: 'After' });
    const offline: Fetch = () => Promise.reject(new TypeError('offline'));
    await expect(sync(a, offline)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await a.outbox.where('state').equals('pending').count()).toBe(1);
    expect((await getMeta(a, 'syncStatus'))?.lastError?.code).toBe('NETWORK');
    await sync(a);
    await sync(b);
    expect((await b.people.get(person.id))?.name).toBe('After');
    expect((await getMeta(a, 'syncStatus'))?.lastError).toBeUndefined();
  });

  it('a refused op moves to rejected and the view falls back to the server', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada');
    await sync(a);
    await sync(b);
    // Only the owner may change who sees a record; B's device lets it through, the server refuses.
    await writeRecord(b, 'people', person.id, { scope: `user:${(await getMeta(b, 'account'))!.userId}`, name: 'Mine now' });
    await sync(b);
    const [rejected] = await b.rejected.toArray();
    expect(rejected).toMatchObject({ code: 'FORBIDDEN', entity: 'people', id: person.id });
    expect(await b.outbox.count()).toBe(0);
    expect((await b.people.get(person.id))?.name).toBe('Ada');
    expect((await b.people.get(person.id))?.scope).toBe('team');
    // The local write kept the server's row aside; with nothing pending the view stands for it again.
    expect(await b.srv.count()).toBe(0);
  });

  it('426 keeps the outbox and reports that Clyde needs an update', async () => {
    const { a } = await pair();
    await createPerson(a, { name: 'Ada' });
    const tooOld: Fetch = async () => new Response(JSON.stringify({ code: 'CLIENT_TOO_OLD', message: 'Update Clyde.' }), { status: 426 });
    await expect(sync(a, tooOld)).rejects.toMatchObject({ code: 'CLIENT_TOO_OLD', status: 426 });
    expect(await a.outbox.count()).toBe(1);
    expect((await getMeta(a, 'syncStatus'))?.lastError).toEqual({ code: 'CLIENT_TOO_OLD', message: 'Update Clyde.' });
  });

  it('maps 401 and 429 with retry-after', async () => {
    const { a } = await pair();
    const limited: Fetch = async () =>
      new Response(JSON.stringify({ code: 'RATE_LIMITED', message: 'Slow down.' }), { status: 429, headers: { 'retry-after': '7' } });
    const err = await sync(a, limited).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncApiError);
    expect((err as SyncApiError).extra.retryAfterMs).toBe(7000);
    await setMeta(a, 'account', { ...(await getMeta(a, 'account'))!, token: `tok_${'x'.repeat(43)}` });
    await expect(sync(a)).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('a truncated response is a readable error and the retry succeeds', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada');
    const truncating: Fetch = async (url, init) => {
      const res = await sim.server.fetch(url, init);
      return new Response((await res.text()).slice(0, 20), { status: res.status });
    };
    await expect(sync(a, truncating)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    await sync(a);
    await sync(b);
    expect((await b.people.get(person.id))?.name).toBe('Ada');
  });

  it('a pull that fails on a later page keeps the pages before it and resumes after them', async () => {
    const { a, b } = await pair();
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await sharedPerson(a, `Person ${i}`));
    await sync(a);
    let pulls = 0;
    // The third page request fails (it is sent while the second page is being written).
    const failing: Fetch = async (url, init) => {
      if (String(url).includes('/v1/sync/pull?') && ++pulls === 3) throw new TypeError('network down');
      return sim.server.fetch(url, init);
    };
    await expect(syncOnce(b, await apiFor(b, failing), { ...opts, pullLimit: 4 })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await b.people.count()).toBe(8);
    const cursor = await getMeta(b, 'cursor');
    expect(cursor).toBeGreaterThan(0);
    await syncOnce(b, await apiFor(b, sim.server.fetch), { ...opts, pullLimit: 4 });
    expect((await b.people.bulkGet(people.map((p) => p.id))).map((p) => p?.name)).toEqual(people.map((p) => p.name));
    expect(await getMeta(b, 'cursor')).toBeGreaterThan(cursor!);
  });

  it('a big pull is searchable once the round ends, and a round finishes indexing a stopped one left', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada Grove');
    const notes = [];
    for (let i = 0; i < 220; i++)
      notes.push(
        await writeRecord(
          a,
          'notes',
          `n-${i}`,
          { personId: person.id, kind: 'note', body: `Order kumquat${i}`, occurredAt: i, scope: 'team' },
          { create: true },
        ),
      );
    await sync(a);
    let queued = 0;
    b.wordQueue.hook('creating', () => void queued++);
    await sync(b);
    expect(queued).toBe(1); // the one 221-row page was indexed after the round, not record by record
    expect(await b.notes.count()).toBe(220);
    expect(await b.wordQueue.count()).toBe(0);
    expect((await search(b, 'kumquat219')).map((r) => r.id)).toEqual(['n-219']);
    expect((await search(b, 'grove')).map((r) => r.kind)).toEqual(['person']);

    // A worker stopped after writing a deferred page but before indexing it left a queue behind.
    await b.transaction('rw', [b.notes, b.wordQueue], async () => {
      await deferWordIndex(b, [['notes', 'n-0']]);
      await b.notes.put({ ...(await b.notes.get('n-0'))!, body: 'Order persimmons' });
    });
    expect(await search(b, 'persimmons')).toEqual([]);
    await sync(b);
    expect(await b.wordQueue.count()).toBe(0);
    expect((await search(b, 'persimmons')).map((r) => r.id)).toEqual(['n-0']);
  });

  it('a server restored from a backup (new epoch): the device forgets its server rows, resends its edits and refills', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada');
    const note = await writeRecord(
      a,
      'notes',
      crypto.randomUUID(),
      { personId: person.id, kind: 'note', body: 'Likes oat milk', occurredAt: 1, scope: 'team' },
      { create: true },
    );
    await sync(a);
    await sync(b);
    await updatePerson(b, person.id, { company: 'Acme' });
    await sim.server.store().startNewEpoch();
    await sync(b);
    await sync(b);
    expect(await b.people.get(person.id)).toMatchObject({ name: 'Ada', company: 'Acme' });
    expect((await b.notes.get(note.id))?.body).toBe('Likes oat milk');
    expect(await b.outbox.count()).toBe(0);
    expect(await b.srv.count()).toBe(0);
    await sync(a);
    expect((await a.people.get(person.id))?.company).toBe('Acme');
  });

  it('recovers from a GAP by renumbering what the outbox still holds', async () => {
    const { a, b } = await pair();
    await sharedPerson(a, 'One');
    await sync(a);
    await sync(a);
    const late = await sharedPerson(a, 'Two');
    // Numbering drifted (as after a server restore): the server will expect clientSeq 2.
    const saved = (await getMeta(a, 'seqBase'))!;
    await setMeta(a, 'seqBase', { ...saved, base: saved.base - 5 });
    await sync(a);
    await sync(b);
    expect((await b.people.get(late.id))?.name).toBe('Two');
    expect(await a.outbox.count()).toBe(0);
  });

  it('a lost push response is resent without duplicating anything', async () => {
    const { a, b } = await pair();
    const person = await sharedPerson(a, 'Ada');
    const losesAnswer: Fetch = async (url, init) => {
      await sim.server.fetch(url, init);
      throw new TypeError('connection reset');
    };
    await expect(sync(a, losesAnswer)).rejects.toMatchObject({ code: 'NETWORK' });
    await updatePerson(a, person.id, { name: 'Ada L.' });
    await sync(a);
    await sync(a);
    await sync(b);
    expect((await b.people.get(person.id))?.name).toBe('Ada L.');
    expect(await a.outbox.count()).toBe(0);
  });
});

describe('merging what teammates share', () => {
  it('a teammate’s shared person merged into mine: the server takes every move, the teammate follows, and undo brings them back', async () => {
    const { a, b } = await pair();
    const theirs = await sharedPerson(a, 'Ada');
    const note = await addNote(a, theirs.id, { body: 'prefers calls' });
    await writeRecord(a, 'notes', note.id, { scope: 'team' });
    // An address follows its person's scope: shared too.
    expect((await addIdentity(a, theirs.id, 'email', 'ada@example.com')).scope).toBe('team');
    await sync(a);
    const mine = await sharedPerson(b, 'Ada Lima');
    await sync(b);

    const mergeId = await mergePeople(b, theirs.id, mine.id);
    await sync(b);
    await sync(b);
    expect(await b.rejected.count()).toBe(0);
    expect(await b.outbox.count()).toBe(0);
    await sync(a);
    expect(await a.people.get(theirs.id)).toMatchObject({ deleted: true, mergedInto: mine.id });
    expect(await a.notes.get(note.id)).toMatchObject({ personId: mine.id, deleted: false });
    expect((await findPersonByIdentity(a, 'email', 'ada@example.com'))?.id).toBe(mine.id);

    await undoMerge(b, mergeId);
    await sync(b);
    await sync(a);
    expect(await b.rejected.count()).toBe(0);
    expect(await a.people.get(theirs.id)).toMatchObject({ deleted: false, mergedInto: null });
    expect(await a.notes.get(note.id)).toMatchObject({ personId: theirs.id });
    expect((await findPersonByIdentity(a, 'email', 'ada@example.com'))?.id).toBe(theirs.id);
  });
});

describe('joining and leaving', () => {
  it('join rewrites records made before joining to the member id', async () => {
    const a = client();
    const person = await createPerson(a, { name: 'Local' });
    const note = await addNote(a, person.id, { body: 'before joining' });
    expect(person.ownerId).toMatch(/^local-/);
    await joinWith(a, await sim.server.invite(), sim.server.fetch);
    const userId = (await getMeta(a, 'account'))!.userId;
    expect(await a.people.get(person.id)).toMatchObject({ ownerId: userId, scope: `user:${userId}` });
    expect(await a.notes.get(note.id)).toMatchObject({ ownerId: userId, scope: `user:${userId}` });
    for (const op of await a.outbox.toArray()) {
      if ('ownerId' in op.set) expect(op.set.ownerId).toBe(userId);
      if ('scope' in op.set) expect(op.set.scope).toBe(`user:${userId}`);
    }
    expect((await getMeta(a, 'device'))?.userId).toBe(userId);
    await sync(a);
    expect(await a.rejected.count()).toBe(0);
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    // Nothing waits on the person any more, so its view record is the server's row (sync/view.ts).
    expect(await a.srv.count()).toBe(0);
    expect(await a.people.get(person.id)).toMatchObject({ ownerId: userId, rowSeq: expect.any(Number) });
    expect((await a.people.get(person.id))!.rowSeq).toBeGreaterThan(0);
  });

  it('leave keeps own records and unsent edits, drops teammates records, and rejoining works', async () => {
    const { a, b } = await pair();
    const mine = await sharedPerson(a, 'Mine');
    const theirs = await sharedPerson(b, 'Theirs');
    await sync(b);
    await sync(a);
    await sync(a);
    const unsent = await addNote(a, mine.id, { body: 'not yet sent' });
    await leaveTeam(a);
    expect(await getMeta(a, 'account')).toBeUndefined();
    expect(await a.srv.count()).toBe(0);
    expect((await a.people.get(mine.id))?.name).toBe('Mine');
    expect((await a.people.get(mine.id))?.ownerId).toMatch(/^local-/);
    // No server stands behind the kept record any more: a later edit must not take it for one.
    expect((await a.people.get(mine.id))?.rowSeq).toBe(0);
    expect(await a.people.get(theirs.id)).toBeUndefined();
    expect((await a.notes.get(unsent.id))?.body).toBe('not yet sent');
    expect(await a.outbox.count()).toBe(1);
    // Rejoining as a new member: the unsent note goes up under the new id and a new clientId.
    const oldClient = (await getMeta(a, 'device'))!.clientId;
    await joinWith(a, await sim.server.invite(), sim.server.fetch);
    expect((await getMeta(a, 'device'))!.clientId).not.toBe(oldClient);
    await sync(a);
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    expect(await a.rejected.count()).toBe(0);
    expect((await a.people.get(theirs.id))?.name).toBe('Theirs');
  });
});
