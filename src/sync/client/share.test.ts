import { afterEach, describe, expect, it } from 'vitest';
import { addIdentity } from '../../storage/records/identity';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { setShared } from './share';
import { freshClientDb } from '../../../test/support/db';

const { db } = freshClientDb();
afterEach(() => Promise.all(db.tables.map((t) => t.clear())));

describe('setShared', () => {
  it('sharing a note shares its person and identities; unsharing touches only the note', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    const email = await addIdentity(db, person.id, 'email', 'ada@example.com');
    const note = await addNote(db, person.id, { body: 'likes tea' });
    await setShared(db, 'notes', note.id, true);
    expect((await db.notes.get(note.id))?.scope).toBe('team');
    expect((await db.people.get(person.id))?.scope).toBe('team');
    expect((await db.identities.get(email.id))?.scope).toBe('team');
    const ops = await db.outbox.count();
    await setShared(db, 'notes', note.id, true);
    expect(await db.outbox.count()).toBe(ops);
    await setShared(db, 'notes', note.id, false);
    expect((await db.notes.get(note.id))?.scope).toBe(`user:${person.ownerId}`);
    expect((await db.people.get(person.id))?.scope).toBe('team');
  });

  it('an address added to a shared person is shared with them; one added to a private person is not', async () => {
    const shared = await createPerson(db, { name: 'Ada' });
    await setShared(db, 'people', shared.id, true);
    const later = await addIdentity(db, shared.id, 'email', 'ada@example.com');
    expect(later.scope).toBe('team');
    expect((await db.outbox.where('[entity+id]').equals(['identities', later.id]).first())?.set).toMatchObject({ scope: 'team' });
    const hidden = await createPerson(db, { name: 'Grace' });
    expect((await addIdentity(db, hidden.id, 'email', 'grace@example.com')).scope).toBe(`user:${hidden.ownerId}`);
  });

  it('refuses records the user does not own', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    await db.people.update(person.id, { ownerId: 'someone-else' });
    await expect(setShared(db, 'people', person.id, true)).rejects.toThrow(/Only the person/);
  });
});
