import { beforeEach, describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { logEmail } from '../capture/email-log';
import { importContacts } from '../storage/contacts/import';
import type { ClydeDB } from '../storage/db';
import { clipProfile } from '../storage/records/clip';
import { addIdentityByUser, ensurePersonFor, linkToPerson } from '../storage/records/identity';
import { addNeverLog } from '../storage/records/never-log';
import { createPerson } from '../storage/records/people';
import { writeRecord } from '../storage/records/write';
import { companyByEmail, domainOwner } from './by-email';
import { companyByName } from './by-name';
import { createCompany } from './companies';
import { linkPerson } from './link-person';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const companyOf = async (personId: string) => (await db.people.get(personId))?.companyId;

describe('companyByEmail', () => {
  it('finds the owner by domain or subdomain; not for free mail, unknown or deleted; a merged one resolves to where it went', async () => {
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    expect((await companyByEmail(db, 'Ana@ACME.com'))?.id).toBe(acme.id);
    expect((await companyByEmail(db, 'ana@sales.acme.com'))?.id).toBe(acme.id);
    expect(await companyByEmail(db, 'ana@notacme.com')).toBeUndefined();
    expect(await companyByEmail(db, 'ana@gmail.com')).toBeUndefined();
    expect(await companyByEmail(db, 'not an address')).toBeUndefined();
    const kept = await createCompany(db, { name: 'Acme Group' });
    await writeRecord(db, 'companies', acme.id, { deleted: true, mergedInto: kept.id });
    expect((await companyByEmail(db, 'ana@acme.com'))?.id).toBe(kept.id);
    await writeRecord(db, 'companies', kept.id, { deleted: true });
    expect(await companyByEmail(db, 'ana@acme.com')).toBeUndefined();
  });

  it('never answers for a free-mail domain, even one a company carries (synced from an older list)', () => {
    const row = { id: 'co-1', name: 'Ana', domains: 'gmail.com', deleted: false, updatedAt: 1 } as Parameters<typeof domainOwner>[0][0];
    expect(domainOwner([row])('gmail.com')).toBeUndefined();
  });

  it('prefers the most specific domain', async () => {
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    const eu = await createCompany(db, { name: 'Acme Europe', domains: ['eu.acme.com'] });
    expect((await companyByEmail(db, 'a@eu.acme.com'))?.id).toBe(eu.id);
    expect((await companyByEmail(db, 'a@us.acme.com'))?.id).toBe(acme.id);
  });
});

describe('a person who gains an address is linked to the company owning its domain', () => {
  const ana = { role: 'from' as const, name: 'Ana Lima', email: 'ana@acme.com' };

  it('when capture meets a new person, and when an address is added by hand or by linking', async () => {
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    const created = await ensurePersonFor(db, ana);
    expect(created.companyId).toBe(acme.id);
    const logged = await logEmail(
      db,
      { ...ana, email: 'ana2@acme.com' },
      { subject: 'Hi', participants: [], url: 'https://mail.google.com/x', threadKey: 'gmail:1' },
    );
    expect(await companyOf(logged.note.personId)).toBe(acme.id);

    const bia = await createPerson(db, { name: 'Bia' });
    await addIdentityByUser(db, bia.id, 'email', 'bia@gmail.com');
    expect(await companyOf(bia.id)).toBeUndefined();
    await addIdentityByUser(db, bia.id, 'email', 'bia@acme.com');
    expect(await companyOf(bia.id)).toBe(acme.id);

    const caio = await createPerson(db, { name: 'Caio' });
    await linkToPerson(db, caio.id, { role: 'from', email: 'caio@acme.com' });
    expect(await companyOf(caio.id)).toBe(acme.id);
  });

  it('never over a link already there, never for a shared person and a private company', async () => {
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    const other = await createCompany(db, { name: 'Other' });
    const bia = await createPerson(db, { name: 'Bia' });
    await linkPerson(db, bia.id, other.id);
    await addIdentityByUser(db, bia.id, 'email', 'bia@acme.com');
    expect(await companyOf(bia.id)).toBe(other.id);
    await linkPerson(db, bia.id, null);
    await addIdentityByUser(db, bia.id, 'email', 'bia2@acme.com');
    expect(await companyOf(bia.id)).toBe(acme.id);

    const shared = await writeRecord(db, 'people', crypto.randomUUID(), { name: 'Dani', scope: 'team' }, { create: true });
    await addIdentityByUser(db, shared.id, 'email', 'dani@acme.com');
    expect(await companyOf(shared.id)).toBeUndefined();
  });

  it('never for a never-logged address', async () => {
    await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    await addNeverLog(db, 'acme.com');
    await expect(ensurePersonFor(db, ana)).rejects.toThrow('never-log');
    const clipped = await clipProfile(
      db,
      { ...ana, role: 'profile', profileUrl: 'https://www.linkedin.com/in/ana' },
      { site: 'linkedin', url: 'https://www.linkedin.com/in/ana' },
    );
    expect(clipped.person.companyId).toBeUndefined();
  });

  it('when contacts are imported', async () => {
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    await importContacts(db, [
      { at: '2', name: 'Eva', emails: ['eva@gmail.com', 'eva@acme.com'], phones: [], urls: [] },
      { at: '3', name: 'Fabio', emails: ['fabio@gmail.com'], phones: [], urls: [] },
    ]);
    const people = await db.people.toArray();
    expect(Object.fromEntries(people.map((p) => [p.name, p.companyId]))).toEqual({ Eva: acme.id, Fabio: undefined });
  });
});

describe('a clipped profile is linked to the company it names', () => {
  const profile = (company: string) => ({
    role: 'profile' as const,
    name: 'Gil Souza',
    company,
    profileUrl: 'https://www.linkedin.com/in/gil',
  });
  const source = { site: 'linkedin', url: 'https://www.linkedin.com/in/gil' };

  it('matching the name without regard to case, accents or punctuation, and never creating one', async () => {
    const none = await clipProfile(db, profile('Grãos do Sul'), source);
    expect(none.person.companyId).toBeUndefined();
    expect(await db.companies.count()).toBe(0);
    const graos = await createCompany(db, { name: 'Grãos do Sul' });
    const again = await clipProfile(db, profile('GRAOS  do sul.'), source);
    expect(again.person.companyId).toBe(graos.id);
  });

  it('leaves it when two companies share the name, or the one there is deleted', async () => {
    const a = await createCompany(db, { name: 'Acme' });
    await createCompany(db, { name: 'ACME' });
    expect(await companyByName(db, 'acme')).toBeUndefined();
    await writeRecord(db, 'companies', a.id, { deleted: true });
    expect((await companyByName(db, 'Acme'))?.name).toBe('ACME');
    await writeRecord(db, 'companies', (await companyByName(db, 'Acme'))!.id, { deleted: true });
    expect((await clipProfile(db, profile('Acme'), source)).person.companyId).toBeUndefined();
  });
});
