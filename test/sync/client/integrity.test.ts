import { describe, expect, it } from 'vitest';
import { inviteLink, issueInvite } from '../../../server/invites';
import type { ClydeDB } from '../../../src/storage/db';
import { addNote, deleteNote, updateNote } from '../../../src/storage/records/notes';
import { writeRecord } from '../../../src/storage/records/write';
import type { Fetch } from '../../../src/sync/client/api';
import { pushAll } from '../../../src/sync/client/push';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta, setMeta } from '../../../src/sync/client/state';
import { parseHlc } from '../../../src/sync/hlc';
import { apiFor, joinWith } from '../../support/sync-client';
import { simSuite } from '../../support/sim-suite';

/** Issue #15 point 4 as a client lives it: refused deletes, and edits that lost to a teammate's. */

const opts = { now: () => Date.now() };
/** Each test runs several sync rounds against the real server in process: more than the unit default on a shared machine. */
const ROUNDS = { timeout: 30_000 };
const sim = simSuite();

async function member(name: string, role: 'admin' | 'member' = 'member') {
  const db = sim.client();
  const now = Date.now();
  const { code } = await issueInvite(sim.server.store(), now, {
    teamId: sim.server.teamId,
    role,
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: now + 60_000,
  });
  await joinWith(db, inviteLink('https://sync.sim.test', code), sim.server.fetch, name);
  return db;
}

async function sync(db: ClydeDB, fetch: Fetch = sim.server.fetch) {
  return syncOnce(db, await apiFor(db, fetch), opts);
}

/** Ann's shared person with one shared note, on Ann's and Bob's devices. */
async function sharedNote(ann: ClydeDB, ...others: ClydeDB[]) {
  const person = await writeRecord(ann, 'people', crypto.randomUUID(), { name: 'Ada', scope: 'team' }, { create: true });
  const note = await addNote(ann, person.id, { body: 'Prefers calls before 10' });
  await writeRecord(ann, 'notes', note.id, { scope: 'team' });
  await sync(ann);
  for (const db of others) await sync(db);
  return note.id;
}

describe("deleting a teammate's shared record", ROUNDS, () => {
  it('is refused: the note comes back, the refusal is kept, and the outbox drains without looping', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    await deleteNote(bob, id);
    // Gone from Bob's view at once: a delete leaves no record to show (storage/records/write.ts).
    expect(await bob.notes.get(id)).toBeUndefined();

    expect(await sync(bob)).toMatchObject({ pushed: 1 });
    expect((await bob.notes.get(id))?.deleted).toBe(false);
    expect((await bob.notes.get(id))?.body).toBe('Prefers calls before 10');
    expect(await bob.outbox.count()).toBe(0);
    const [refused] = await bob.rejected.toArray();
    expect(refused).toMatchObject({ entity: 'notes', id, code: 'FORBIDDEN', set: { deleted: true } });
    expect(refused?.message).toMatch(/only its author or a team admin/i);
    // Nothing is sent again: the refusal is final.
    expect(await sync(bob)).toMatchObject({ pushed: 0 });
    expect(await bob.rejected.count()).toBe(1);
    expect((await getMeta(bob, 'role')) ?? null).toBe('member');
    await sync(ann);
    expect((await ann.notes.get(id))?.deleted).toBe(false);
  });

  it('goes through for a team admin', async () => {
    const ann = await member('Ann');
    const boss = await member('Boss', 'admin');
    const id = await sharedNote(ann, boss);
    expect(await getMeta(boss, 'role')).toBe('admin');
    await deleteNote(boss, id);
    await sync(boss);
    expect(await boss.rejected.count()).toBe(0);
    await sync(ann);
    // The server's tombstone erased it from Ann's view too.
    expect(await ann.notes.get(id)).toBeUndefined();
  });
});

describe('an edit that lost to a teammate’s', ROUNDS, () => {
  it('is kept for its author with both values and the teammate’s name (the later edit arrived first)', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    await updateNote(ann, id, { body: 'Calls after 4 only' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, id, { body: 'Email first, never calls' });
    await sync(bob);
    await sync(ann);

    expect((await ann.notes.get(id))?.body).toBe('Email first, never calls');
    const lost = (await getMeta(ann, 'lostEdits')) ?? [];
    expect(lost).toHaveLength(1);
    const bobClient = (await getMeta(bob, 'device'))?.clientId;
    expect(lost[0]).toMatchObject({
      entity: 'notes',
      id,
      field: 'body',
      mine: 'Calls after 4 only',
      theirs: 'Email first, never calls',
      by: { name: 'Bob', self: false },
    });
    expect(parseHlc(lost[0]!.hlc).node).toBe(bobClient);
    expect(await getMeta(bob, 'lostEdits')).toBeUndefined();
  });

  it('is kept too when the author’s edit was applied first and a concurrent later one replaced it', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    await updateNote(ann, id, { body: 'Calls after 4 only' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, id, { body: 'Email first' });
    // Ann's push is applied, but Bob's later-stamped edit lands before Ann's round pulls.
    const annApi = await apiFor(ann, sim.server.fetch);
    await pushAll(ann, annApi, opts);
    await sync(bob);
    await sync(ann);
    expect((await getMeta(ann, 'lostEdits'))?.[0]).toMatchObject({
      mine: 'Calls after 4 only',
      theirs: 'Email first',
      by: { name: 'Bob' },
    });
  });

  it('is not kept when both wrote the same words, nor when the author replaced their own edit', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    await updateNote(ann, id, { body: 'Same words' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, id, { body: 'Same words' });
    await sync(bob);
    await sync(ann);
    expect((await ann.notes.get(id))?.clocks.body).toBe((await bob.notes.get(id))?.clocks.body);
    expect(await getMeta(ann, 'lostEdits')).toBeUndefined();

    await updateNote(ann, id, { body: 'First try' });
    await updateNote(ann, id, { body: 'Second try' });
    await sync(ann);
    expect((await ann.notes.get(id))?.body).toBe('Second try');
    expect(await getMeta(ann, 'lostEdits')).toBeUndefined();
  });

  it('waits for its writer’s name when the server cannot say yet, without failing the round', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    await updateNote(ann, id, { body: 'Mine' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, id, { body: 'Theirs' });
    await sync(bob);
    const noWriters: Fetch = async (url, init) =>
      url.endsWith('/v1/sync/writers') ? new Response('{"code":"DOWN","message":"down"}', { status: 503 }) : sim.server.fetch(url, init);
    await sync(ann, noWriters);
    expect((await getMeta(ann, 'syncStatus'))?.lastError).toBeUndefined();
    expect((await getMeta(ann, 'lostEdits'))?.[0]).toMatchObject({ mine: 'Mine', theirs: 'Theirs' });
    expect((await getMeta(ann, 'lostEdits'))?.[0]?.by).toBeUndefined();
    await sync(ann);
    expect((await getMeta(ann, 'lostEdits'))?.[0]?.by).toEqual({ name: 'Bob', self: false });
  });
});

describe('a clock 6 s fast', ROUNDS, () => {
  it('does not beat a later real edit: the server re-stamps it, both devices converge, and its author is told', async () => {
    const ann = await member('Ann');
    const bob = await member('Bob');
    const id = await sharedNote(ann, bob);
    // Ann's clock runs 6 s ahead: her next stamp is 6 s in the future.
    const device = await getMeta(ann, 'device');
    await setMeta(ann, 'hlc', { wall: Date.now() + 6_000, counter: 0, node: device!.clientId });
    await updateNote(ann, id, { body: 'Stamped in the future' });
    const ahead = (await ann.outbox.toArray())[0]!.hlc;
    await pushAll(ann, await apiFor(ann, sim.server.fetch), opts);
    const sent = (await ann.outbox.toArray())[0]!;
    expect(sent.hlc < ahead).toBe(true);

    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, id, { body: 'Written later, honest clock' });
    await sync(bob);
    await sync(ann);
    await sync(bob);
    for (const db of [ann, bob]) expect((await db.notes.get(id))?.body).toBe('Written later, honest clock');
    expect(await ann.outbox.count()).toBe(0);
    expect((await getMeta(ann, 'lostEdits'))?.[0]).toMatchObject({ mine: 'Stamped in the future', theirs: 'Written later, honest clock' });
  });
});
