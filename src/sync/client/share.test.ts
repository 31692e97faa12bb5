import { afterEach, describe, expect, it } from 'vitest';
import { addIdentity } from '../../storage/records/identity';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { addPreference } from '../../storage/records/preferences';
import { addTask } from '../../storage/records/tasks';
import { writeRecord } from '../../storage/records/write';
import type { ClydeDB } from '../../storage/db';
import { setShared } from './share';
import { freshClientDb } from '../../../test/support/db';

const { db } = freshClientDb();
afterEach(() => Promise.all(db.tables.map((t) => t.clear())));

// Written directly: the company and opportunity mutators are not this file's subject.
const createCompany = (d: ClydeDB, id: string, name: string) => writeRecord(d, 'companies', id, { name }, { create: true });
const createOpportunity = (d: ClydeDB, id: string, companyId: string | null, personIds: string[]) =>
  writeRecord(
    d,
    'opportunities',
    id,
    { title: 'Rollout', companyId, personIds: personIds.join(' '), stageId: 'stage-lead', stageAt: Date.now() },
    { create: true },
  );
const scopeOf = async (entity: 'people' | 'identities' | 'companies' | 'opportunities', id: string) =>
  ((await db.table(entity).get(id)) as { scope: string } | undefined)?.scope;

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

  it('sharing a person, or a note about them, shares the company card they are linked to', async () => {
    const acme = await createCompany(db, 'co-acme', 'Acme');
    const globex = await createCompany(db, 'co-globex', 'Globex');
    const ada = await createPerson(db, { name: 'Ada' });
    const grace = await createPerson(db, { name: 'Grace' });
    await writeRecord(db, 'people', ada.id, { companyId: acme.id });
    await writeRecord(db, 'people', grace.id, { companyId: globex.id });
    await setShared(db, 'people', ada.id, true);
    expect(await scopeOf('companies', acme.id)).toBe('team');
    expect(await scopeOf('companies', globex.id)).toBe(`user:${ada.ownerId}`);
    await setShared(db, 'notes', (await addNote(db, grace.id, { body: 'renewal' })).id, true);
    expect(await scopeOf('companies', globex.id)).toBe('team');
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

  it('sharing an opportunity shares its company card and its people with their identities', async () => {
    const company = await createCompany(db, 'co-acme', 'Acme');
    const ada = await createPerson(db, { name: 'Ada' });
    const email = await addIdentity(db, ada.id, 'email', 'ada@acme.com');
    const grace = await createPerson(db, { name: 'Grace' });
    const bystander = await createPerson(db, { name: 'Linus' });
    const deal = await createOpportunity(db, 'opp-1', company.id, [ada.id, grace.id]);
    await setShared(db, 'opportunities', deal.id, true);
    for (const [entity, id] of [
      ['opportunities', deal.id],
      ['companies', company.id],
      ['people', ada.id],
      ['identities', email.id],
      ['people', grace.id],
    ] as const) {
      expect(await scopeOf(entity, id), `${entity}/${id}`).toBe('team');
    }
    expect(await scopeOf('people', bystander.id)).toBe(`user:${ada.ownerId}`);
    // Private again: only the deal; the company and people stay shared, as after unsharing a note.
    await setShared(db, 'opportunities', deal.id, false);
    expect(await scopeOf('opportunities', deal.id)).toBe(`user:${ada.ownerId}`);
    expect(await scopeOf('companies', company.id)).toBe('team');
  });

  it('sharing an opportunity leaves a teammate’s company alone and still shares it', async () => {
    const company = await createCompany(db, 'co-acme', 'Acme');
    await db.companies.update(company.id, { ownerId: 'someone-else', scope: 'user:someone-else' });
    const deal = await createOpportunity(db, 'opp-1', company.id, []);
    const ops = await db.outbox.count();
    await setShared(db, 'opportunities', deal.id, true);
    expect(await scopeOf('opportunities', deal.id)).toBe('team');
    expect(await scopeOf('companies', company.id)).toBe('user:someone-else');
    expect(await db.outbox.count()).toBe(ops + 1);
  });

  it.each(['notes', 'preferences', 'tasks'] as const)('sharing a company’s own %s shares the company', async (entity) => {
    const company = await createCompany(db, 'co-acme', 'Acme');
    const other = await createCompany(db, 'co-globex', 'Globex');
    const record =
      entity === 'notes'
        ? await addNote(db, company.id, { body: 'renewal in March' })
        : entity === 'preferences'
          ? await addPreference(db, company.id, 'billing: net 30')
          : await addTask(db, company.id, 'Send the contract');
    await setShared(db, entity, record.id, true);
    expect(((await db.table(entity).get(record.id)) as { scope: string }).scope).toBe('team');
    expect(await scopeOf('companies', company.id)).toBe('team');
    expect(await scopeOf('companies', other.id)).toBe(`user:${company.ownerId}`);
    expect(await db.people.count()).toBe(0);
  });

  it('refuses records the user does not own', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    await db.people.update(person.id, { ownerId: 'someone-else' });
    await expect(setShared(db, 'people', person.id, true)).rejects.toThrow(/Only the person/);
  });
});
