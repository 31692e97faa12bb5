import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { addNote, deleteNote, updateNote } from './notes';
import { createPerson } from './people';

describe('a delete on this device', () => {
  it('takes the record from the view and the text from every op and refusal it had', async () => {
    const { db } = freshClientDb();
    const { id: personId } = await createPerson(db, { name: 'Ana Lima' });
    const note = await addNote(db, personId, { body: 'pin is 4711' });
    await updateNote(db, note.id, { body: 'pin is 4712' });
    const [create] = await db.outbox.where('[entity+id]').equals(['notes', note.id]).toArray();
    await db.rejected.add({ ...create!, code: 'INVALID', message: 'refused', at: 1 });

    await deleteNote(db, note.id);

    expect(await db.notes.get(note.id)).toBeUndefined();
    const ops = await db.outbox.where('[entity+id]').equals(['notes', note.id]).toArray();
    // Still three ops, numbered as before: the server counts a device's ops without gaps.
    expect(ops).toHaveLength(3);
    expect(ops.map((op) => op.set)).toEqual([
      { scope: create!.set.scope, ownerId: create!.set.ownerId, deleted: true },
      { deleted: true },
      { deleted: true },
    ]);
    expect((await db.rejected.toArray()).map((r) => r.set)).toEqual([ops[0]!.set]);
    const everything = JSON.stringify([await db.outbox.toArray(), await db.rejected.toArray(), await db.notes.toArray()]);
    expect(everything).not.toContain('pin is');
    // The person the note was about is not touched.
    expect((await db.people.get(personId))?.name).toBe('Ana Lima');
  });
});
