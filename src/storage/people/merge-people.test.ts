import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addPerson, emptySeed } from '../../../test/support/records';
import { identityId } from '../records/canonical';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { addIdentity, removeIdentity } from '../records/identity';
import { findPersonByIdentity } from '../records/identity-lookup';
import { mergePeople } from './merge-people';
import { pendingUndo, undoMerge } from './merge-undo';
import { addNote } from '../records/notes';
import { createPerson } from '../records/people';
import { addPreference } from '../records/preferences';
import type { Entity } from '../schema';
import { addTask } from '../records/tasks';
import { writeRecord } from '../records/write';

let db: ClydeDB;
let reopen: () => ClydeDB;
beforeEach(() => {
  ({ db, reopen } = freshClientDb());
});

type Row = Record<string, unknown>;
/** What a person is to the user: their fields and live records with owners and scopes, no clocks. */
async function snapshot(personId: string) {
  const strip = ({ clocks: _c, updatedAt: _u, rowSeq: _r, ...rest }: Row) => rest;
  const person = await db.people.get(personId);
  const of = async (entity: Entity) =>
    ((await db.table(entity).where('personId').equals(personId).toArray()) as Row[])
      .filter((r) => !r.deleted)
      .map(strip)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return {
    person: person && { ...strip(person as Row), mergedInto: person.mergedInto ?? null },
    identities: await of('identities'),
    notes: await of('notes'),
    preferences: await of('preferences'),
    tasks: await of('tasks'),
  };
}

describe('merge and undo', () => {
  it('moves everything into the kept person, resolves the old address to them, and undo puts it all back', async () => {
    const a = await createPerson(db, { name: 'Ana Lima' });
    const b = await createPerson(db, { name: 'Ana Lima', company: 'Grãos' });
    await addIdentity(db, a.id, 'email', 'ana@example.com');
    await addIdentity(db, b.id, 'email', 'ana.lima@graos.example');
    await addNote(db, a.id, { body: 'Met at the fair' });
    await addTask(db, a.id, 'Send prices');
    await addPreference(db, b.id, 'order: two bags');
    const before = [await snapshot(a.id), await snapshot(b.id)];

    const mergeId = await mergePeople(db, a.id, b.id);
    expect((await findPersonByIdentity(db, 'email', 'ana@example.com'))?.id).toBe(b.id);
    const merged = await snapshot(b.id);
    expect([merged.notes.length, merged.tasks.length, merged.preferences.length, merged.identities.length]).toEqual([1, 1, 1, 2]);
    expect(await db.people.get(a.id)).toMatchObject({ deleted: true, mergedInto: b.id });
    expect((await pendingUndo(db, b.id))?.id).toBe(mergeId);

    await undoMerge(db, mergeId);
    expect([await snapshot(a.id), await snapshot(b.id)]).toEqual(before);
    expect((await findPersonByIdentity(db, 'email', 'ana@example.com'))?.id).toBe(a.id);
    expect(await pendingUndo(db, b.id)).toBeUndefined();
    await expect(undoMerge(db, mergeId)).rejects.toThrow('already undone');
  });

  it('survives a restart: the undo log is in the database', async () => {
    const a = await createPerson(db, { name: 'Bruno' });
    const b = await createPerson(db, { name: 'Bruno' });
    await addNote(db, a.id, { body: 'x' });
    const mergeId = await mergePeople(db, a.id, b.id);
    db.close();
    db = reopen();
    await undoMerge(db, mergeId);
    expect((await snapshot(a.id)).notes).toHaveLength(1);
  });

  it('refuses to merge a person into themselves or into someone deleted, changing nothing', async () => {
    const a = await createPerson(db, { name: 'Carla' });
    await expect(mergePeople(db, a.id, a.id)).rejects.toThrow('themselves');
    await expect(mergePeople(db, a.id, 'nobody')).rejects.toThrow('Both people must exist');
    expect(await db.merges.count()).toBe(0);
  });

  it('never merges a person the team shares into a private one, and says how to go ahead', async () => {
    const shared = await writeRecord(db, 'people', crypto.randomUUID(), { name: 'Ada', scope: 'team' }, { create: true });
    const note = await addNote(db, shared.id, { body: 'prefers calls' });
    const mine = await createPerson(db, { name: 'Ada L.' });
    await expect(mergePeople(db, shared.id, mine.id)).rejects.toThrow(
      'Ada is shared with your team and Ada L. is private: merging would hide Ada from your team. Share Ada L. first, or open Ada and merge Ada L. into them.',
    );
    expect(await db.merges.count()).toBe(0);
    expect((await db.notes.get(note.id))?.personId).toBe(shared.id);
    expect((await db.people.get(shared.id))?.deleted).toBe(false);
    // The other way round keeps the shared person, and what was private stays private.
    const secret = await addNote(db, mine.id, { body: 'owes us a call' });
    await mergePeople(db, mine.id, shared.id);
    expect(await db.notes.get(secret.id)).toMatchObject({ personId: shared.id, scope: mine.scope });
    // Once both are shared, either way is fine.
    const other = await writeRecord(db, 'people', crypto.randomUUID(), { name: 'Ada Lima', scope: 'team' }, { create: true });
    await mergePeople(db, shared.id, other.id);
    expect((await db.notes.get(note.id))?.personId).toBe(other.id);
  });

  it('merging any two people loses no record, and undo restores both exactly (records, identities, owners)', async () => {
    const emails = ['a@x.example', 'b@x.example', 'c@y.example', 'd@z.example'];
    const side = fc.record({
      notes: fc.array(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        { maxLength: 4 },
      ),
      facts: fc.array(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        { maxLength: 3 },
      ),
      tasks: fc.array(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        { maxLength: 3 },
      ),
      emails: fc.uniqueArray(fc.constantFrom(...emails), { maxLength: 3 }),
      /** Addresses added and then removed: tombstones a merge may revive. */
      removed: fc.uniqueArray(fc.constantFrom(...emails), { maxLength: 2 }),
      /** Records a teammate wrote (another owner, shared with the team). */
      theirs: fc.nat({ max: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(side, side, async (from, into) => {
        const ids: string[] = [];
        for (const s of [from, into]) {
          const p = await createPerson(db, { name: 'Same Name' });
          ids.push(p.id);
          for (const body of s.notes) await addNote(db, p.id, { body });
          for (const f of s.facts) await addPreference(db, p.id, f);
          for (const t of s.tasks) await addTask(db, p.id, t);
          for (const e of s.removed) await removeIdentity(db, (await addIdentity(db, p.id, 'email', e)).id);
          for (const e of s.emails) await addIdentity(db, p.id, 'email', e);
          const seed = emptySeed();
          addPerson(seed, {
            name: 'x',
            email: 'x@x.example',
            notes: Array.from({ length: s.theirs }, (_, i) => ({ body: `theirs ${i}`, occurredAt: i })),
          });
          await db.notes.bulkPut(seed.notes.map((n) => ({ ...n, personId: p.id, scope: 'team' as const, ownerId: 'colleague' })));
        }
        const [fromId, intoId] = ids as [string, string];
        const before = [await snapshot(fromId), await snapshot(intoId)];
        const mergeId = await mergePeople(db, fromId, intoId);
        const after = await snapshot(intoId);
        for (const entity of ['notes', 'preferences', 'tasks'] as const) {
          expect(after[entity].map((r) => r.id).sort()).toEqual([...before[0]![entity], ...before[1]![entity]].map((r) => r.id).sort());
        }
        const values = (s: { identities: Row[] }) => s.identities.map((i) => i.value);
        expect(new Set(values(after))).toEqual(new Set([...values(before[0]!), ...values(before[1]!)]));
        expect(after.identities.every((i) => i.id === identityId(intoId, 'email', String(i.value)))).toBe(true);
        expect((await snapshot(fromId)).identities).toEqual([]);
        await undoMerge(db, mergeId);
        expect([await snapshot(fromId), await snapshot(intoId)]).toEqual(before);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
