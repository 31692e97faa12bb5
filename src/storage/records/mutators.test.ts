import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../db';
import { getMeta } from '../keys';
import { freshClientDb } from '../../../test/support/db';
import { addIdentity, ensurePersonFor, ensurePersonWithNote, identitiesFor } from './identity';
import { findPersonByIdentity } from './identity-lookup';
import { addNote, deleteNote, timelineFor, updateNote } from './notes';
import { createPerson } from './people';
import { addPreference, rememberFor, splitFact, updatePreference } from './preferences';
import { addTask, openTasksFor, setTaskDone } from './tasks';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('mutators write the record and its outbox op in one transaction', () => {
  it('stamps every field, keeps the record private to its author and queues the op', async () => {
    const person = await createPerson(db, { name: 'Ana Lima' });
    const note = await addNote(db, person.id, { body: 'Wants the grain in two bags' });
    const me = (await getMeta(db, 'device'))!;
    expect(note.scope).toBe(`user:${me.userId}`);
    expect(note.ownerId).toBe(me.userId);
    expect(Object.keys(note.clocks).sort()).toEqual(['body', 'deleted', 'kind', 'occurredAt', 'ownerId', 'personId', 'scope'].sort());
    const ops = await db.outbox.toArray();
    expect(ops.map((o) => [o.entity, o.id])).toEqual([
      ['people', person.id],
      ['notes', note.id],
    ]);
    expect(ops[1]!.set).toMatchObject({ body: 'Wants the grain in two bags', personId: person.id });
    expect(ops[1]!.hlc > ops[0]!.hlc).toBe(true);
  });

  it('writes neither the record nor the op when the write fails', async () => {
    const person = await createPerson(db, { name: 'Ana' });
    const before = await db.outbox.count();
    await expect(addNote(db, person.id, { body: 'x'.repeat(20_001) })).rejects.toThrow();
    await expect(addNote(db, person.id, { body: '   ' })).rejects.toThrow('A note needs some text.');
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('rolls back the record when the outbox write fails inside the transaction', async () => {
    const person = await createPerson(db, { name: 'Ana' });
    const note = await addNote(db, person.id, { body: 'first' });
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(updateNote(db, note.id, { body: 'second' })).rejects.toThrow('disk full');
    expect((await db.notes.get(note.id))!.body).toBe('first');
  });

  it('updates only the clocks of the fields it changes', async () => {
    const person = await createPerson(db);
    const note = await addNote(db, person.id, { body: 'a' });
    const edited = await updateNote(db, note.id, { body: 'b' });
    expect(edited.clocks.body! > note.clocks.body!).toBe(true);
    expect(edited.clocks.kind).toBe(note.clocks.kind);
  });
});

describe('people and identities', () => {
  it('finds a person by any canonical form of their address', async () => {
    const person = await ensurePersonFor(db, { name: 'Ana Lima', email: 'Ana.Lima@Example.com', role: 'from' });
    expect((await findPersonByIdentity(db, 'email', 'ana.lima@EXAMPLE.com'))?.id).toBe(person.id);
    expect(await findPersonByIdentity(db, 'email', 'someone@example.com')).toBeUndefined();
    expect(await findPersonByIdentity(db, 'email', 'not an address')).toBeUndefined();
  });

  it('creates a person from a correspondent once, however often it is asked', async () => {
    const c = { name: 'Ana', email: 'ana@example.com', role: 'from' as const };
    const [a, b] = await Promise.all([ensurePersonFor(db, c), ensurePersonFor(db, c)]);
    expect(a.id).toBe(b.id);
    expect(await db.people.count()).toBe(1);
    expect((await identitiesFor(db, a.id)).map((i) => i.value)).toEqual(['ana@example.com']);
  });

  it('saves a first note with its new person, or neither when the note fails', async () => {
    const c = { name: 'Ana', email: 'ana@example.com', role: 'from' as const };
    await expect(ensurePersonWithNote(db, c, '   ')).rejects.toThrow('A note needs some text.');
    await expect(ensurePersonWithNote(db, c, 'x'.repeat(20_001))).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const person = await ensurePersonWithNote(db, c, 'Met at the fair');
    expect((await timelineFor(db, person.id)).map((n) => n.body)).toEqual(['Met at the fair']);
  });

  it('rejects an invalid identity with a readable message', async () => {
    const p = await createPerson(db);
    await expect(addIdentity(db, p.id, 'email', 'ana@')).rejects.toThrow('“ana@” is not a valid email address.');
  });
});

describe('timeline, Remember list and tasks', () => {
  it('lists notes newest first without deleted ones', async () => {
    const p = await createPerson(db);
    await addNote(db, p.id, { body: 'old', occurredAt: 1 });
    const mid = await addNote(db, p.id, { body: 'mid', occurredAt: 2 });
    await addNote(db, p.id, { body: 'new', occurredAt: 3 });
    await deleteNote(db, mid.id);
    expect((await timelineFor(db, p.id)).map((n) => n.body)).toEqual(['new', 'old']);
  });

  it('puts pinned facts first and splits "key: value"', async () => {
    const p = await createPerson(db);
    const order = await addPreference(db, p.id, 'order: grain in two bags');
    await addPreference(db, p.id, 'prefers calls after 4pm');
    await updatePreference(db, order.id, { pinned: true });
    expect((await rememberFor(db, p.id)).map((f) => [f.key, f.value])).toEqual([
      ['order', 'grain in two bags'],
      ['', 'prefers calls after 4pm'],
    ]);
    expect(splitFact('https://example.com')).toEqual({ key: '', value: 'https://example.com' });
  });

  it('keeps facts written in the same millisecond in one order, whatever their ids', async () => {
    const p = await createPerson(db);
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    for (const text of ['phone: +351 933 333 333', 'city: Porto', 'phone: +351 222 000 111']) await addPreference(db, p.id, text);
    now.mockRestore();
    expect((await rememberFor(db, p.id)).map((f) => `${f.key}: ${f.value}`)).toEqual([
      'city: Porto',
      'phone: +351 222 000 111',
      'phone: +351 933 333 333',
    ]);
  });

  it('shows open tasks soonest first and hides done ones', async () => {
    const p = await createPerson(db);
    await addTask(db, p.id, 'undated');
    await addTask(db, p.id, 'later', 200);
    const soon = await addTask(db, p.id, 'soon', 100);
    expect((await openTasksFor(db, p.id)).map((t) => t.title)).toEqual(['soon', 'later', 'undated']);
    await setTaskDone(db, soon.id, true);
    expect((await openTasksFor(db, p.id)).map((t) => t.title)).toEqual(['later', 'undated']);
  });
});

describe('the same address on two people', () => {
  it('keeps both records and shows the one changed last', async () => {
    const older = await createPerson(db, { name: 'Ana (met at the fair)' });
    await addIdentity(db, older.id, 'email', 'ana@example.com');
    const newer = await createPerson(db, { name: 'Ana Lima' });
    await addIdentity(db, newer.id, 'email', 'ANA@example.com');
    expect(await db.identities.count()).toBe(2);
    expect((await findPersonByIdentity(db, 'email', 'ana@example.com'))?.id).toBe(newer.id);
  });
});
