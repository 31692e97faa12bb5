import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clipProfile } from './clip';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { addIdentity, identitiesFor } from './identity';
import { findPersonByIdentity } from './identity-lookup';
import { lookAlikes } from '../people/look-alikes';
import { mergePeople } from '../people/merge-people';
import { addNote, timelineFor } from './notes';
import { createPerson } from './people';
import { addPreference } from './preferences';
import { addTask } from './tasks';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const ana = {
  name: 'Ana Lima',
  profileUrl: 'https://www.linkedin.com/in/ana-lima',
  headline: 'Buyer',
  company: 'Mills Co',
  role: 'profile' as const,
};
const source = { site: 'linkedin', url: 'https://www.linkedin.com/in/ana-lima/' };

describe('clipProfile', () => {
  it('creates a person with the profile as an identity and a dated clip note', async () => {
    const { person, created } = await clipProfile(db, ana, source);
    expect(created).toBe(true);
    expect(person).toMatchObject({ name: 'Ana Lima', headline: 'Buyer', company: 'Mills Co' });
    expect((await identitiesFor(db, person.id)).map((i) => i.value)).toEqual(['https://www.linkedin.com/in/ana-lima']);
    expect((await timelineFor(db, person.id)).map((n) => [n.kind, n.body, n.sourceUrl])).toEqual([
      ['clip', 'Clipped from LinkedIn.', source.url],
    ]);
  });

  it('updates the matched person on a re-clip and notes what changed', async () => {
    const first = await clipProfile(db, ana, source);
    const again = await clipProfile(db, { ...ana, headline: 'Head of purchasing', location: 'Porto' }, source);
    expect(again.created).toBe(false);
    expect(again.person.id).toBe(first.person.id);
    expect(again.person).toMatchObject({ headline: 'Head of purchasing', location: 'Porto' });
    expect((await timelineFor(db, first.person.id))[0]!.body).toBe(
      'Updated from LinkedIn: headline: “Buyer” → “Head of purchasing”; location: “Porto”.',
    );
    expect(await db.people.count()).toBe(1);
  });
});

describe('look-alikes and merge', () => {
  it('suggests people with the same name and company, or name and email domain, with the reason', async () => {
    const { person } = await clipProfile(db, ana, source);
    const sameCompany = await createPerson(db, { name: 'ana  lima', company: 'MILLS CO' });
    const sameDomainA = await createPerson(db, { name: 'Bruno Costa' });
    await addIdentity(db, sameDomainA.id, 'email', 'bruno@mills.example');
    const sameDomainB = await createPerson(db, { name: 'Bruno Costa', company: 'Other' });
    await addIdentity(db, sameDomainB.id, 'email', 'b.costa@Mills.example');
    await createPerson(db, { name: 'Ana Lima', company: 'Elsewhere' });

    expect((await lookAlikes(db, person)).map((l) => [l.person.id, l.reason])).toEqual([
      [sameCompany.id, 'Same name and company (MILLS CO)'],
    ]);
    expect((await lookAlikes(db, sameDomainA)).map((l) => [l.person.id, l.reason])).toEqual([
      [sameDomainB.id, 'Same name and email domain (mills.example)'],
    ]);
  });

  it('merging keeps every record of both people', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(4), fc.nat(4), fc.nat(3), async (notes, facts, tasks) => {
        const { db: local } = freshClientDb();
        const a = await createPerson(local, { name: 'A' });
        const b = await createPerson(local, { name: 'B' });
        await addIdentity(local, a.id, 'email', 'a@example.com');
        await addIdentity(local, b.id, 'email', 'b@example.com');
        for (const p of [a, b]) {
          for (let i = 0; i < notes; i++) await addNote(local, p.id, { body: `${p.name} note ${i}` });
          for (let i = 0; i < facts; i++) await addPreference(local, p.id, `${p.name} fact ${i}`);
          for (let i = 0; i < tasks; i++) await addTask(local, p.id, `${p.name} task ${i}`);
        }
        await mergePeople(local, a.id, b.id);
        const live = async (table: 'notes' | 'preferences' | 'tasks') =>
          (await local.table(table).toArray()).filter((r) => !r.deleted && r.personId === b.id).length;
        expect(await live('notes')).toBe(2 * notes);
        expect(await live('preferences')).toBe(2 * facts);
        expect(await live('tasks')).toBe(2 * tasks);
        expect((await identitiesFor(local, b.id)).map((i) => i.value).sort()).toEqual(['a@example.com', 'b@example.com']);
        expect((await findPersonByIdentity(local, 'email', 'a@example.com'))?.id).toBe(b.id);
        expect(await local.people.get(a.id)).toMatchObject({ deleted: true, mergedInto: b.id });
      }),
      { numRuns: 15 },
    );
  });

  it('refuses to merge a person into themselves or into someone missing', async () => {
    const a = await createPerson(db, { name: 'A' });
    await expect(mergePeople(db, a.id, a.id)).rejects.toThrow('A person cannot be merged into themselves.');
    await expect(mergePeople(db, a.id, 'nobody')).rejects.toThrow('Both people must exist to merge them.');
  });
});
