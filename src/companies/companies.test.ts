import { beforeEach, describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import type { ClydeDB } from '../storage/db';
import { addIdentity } from '../storage/records/identity';
import { addNeverLog } from '../storage/records/never-log';
import { createPerson } from '../storage/records/people';
import { writeRecord } from '../storage/records/write';
import { addDomain, createCompany, removeDomain, updateCompany } from './companies';
import { canonicalDomain } from './domains';
import { isFreeMailDomain } from './free-mail';
import { linkPerson } from './link-person';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('free mail', () => {
  it.each([
    ['gmail.com', true],
    ['GMX.de', true],
    ['uol.com.br', true],
    ['mailinator.com', true],
    ['acme.com', false],
    // Public suffixes sit in the list ("com.ar"); a company under one is not free mail.
    ['acme.com.ar', false],
    ['acme.co.uk', false],
  ])('%s → %s', (domain, free) => expect(isFreeMailDomain(domain)).toBe(free));
});

describe('canonicalDomain', () => {
  it.each([
    ['Acme.COM', 'acme.com'],
    ['@acme.com', 'acme.com'],
    ['https://www.acme.com/about', 'acme.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['not a domain', null],
    ['localhost', null],
  ])('%s → %s', (raw, domain) => expect(canonicalDomain(raw)).toBe(domain));
});

describe('company mutators', () => {
  it('creates a private company with a co- id, canonical domains and its outbox op', async () => {
    const acme = await createCompany(db, { name: '  Acme   Grãos ', domains: ['ACME.com', '@acme.com', 'acme.de'] });
    expect(acme.id).toMatch(/^co-[0-9a-f-]{36}$/);
    expect(acme).toMatchObject({ name: 'Acme Grãos', domains: 'acme.com acme.de', deleted: false });
    expect(acme.scope).toMatch(/^user:/);
    expect(await db.outbox.where('[entity+id]').equals(['companies', acme.id]).count()).toBe(1);
  });

  it('refuses a nameless company, a free-mail domain and a domain another company has, writing nothing', async () => {
    await expect(createCompany(db, { name: '  ' })).rejects.toThrow('Give the company a name.');
    await expect(createCompany(db, { name: 'Ana', domains: ['gmail.com'] })).rejects.toThrow(
      'gmail.com is a free or throwaway mail provider: anyone can have an address there, so it cannot stand for a company.',
    );
    const acme = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    await expect(createCompany(db, { name: 'Acme 2', domains: ['acme.com'] })).rejects.toThrow('acme.com is already a domain of Acme');
    await expect(addDomain(db, acme.id, 'hotmail.com')).rejects.toThrow('free or throwaway');
    await expect(addDomain(db, acme.id, 'not a domain')).rejects.toThrow('is not a domain');
    await expect(addDomain(db, acme.id, 'co.uk')).rejects.toThrow(
      "co.uk is shared by many companies; give the company's own domain (like acme.co.uk).",
    );
    expect(await db.companies.count()).toBe(1);
  });

  it('adds and removes domains, keeping them canonical and once each', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    await addDomain(db, acme.id, 'Acme.com');
    await addDomain(db, acme.id, 'acme.com');
    expect((await addDomain(db, acme.id, 'https://acme.de')).domains).toBe('acme.com acme.de');
    expect((await removeDomain(db, acme.id, 'ACME.COM')).domains).toBe('acme.de');
    expect((await removeDomain(db, acme.id, 'other.org')).domains).toBe('acme.de');
  });

  it('renames, sets a LinkedIn page and refuses anything else as one', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const next = await updateCompany(db, acme.id, { name: 'Acme Inc', linkedinUrl: 'https://br.linkedin.com/company/acme/' });
    expect(next).toMatchObject({ name: 'Acme Inc', linkedinUrl: 'https://www.linkedin.com/company/acme' });
    await expect(updateCompany(db, acme.id, { linkedinUrl: 'https://evil.example/acme' })).rejects.toThrow('is not a LinkedIn page');
    await expect(updateCompany(db, 'co-missing', { name: 'x' })).rejects.toThrow('That company no longer exists.');
  });
});

describe('linking people', () => {
  it('links and unlinks by hand, and never a shared person to a private company', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const ana = await createPerson(db, { name: 'Ana' });
    expect((await linkPerson(db, ana.id, acme.id)).companyId).toBe(acme.id);
    expect((await linkPerson(db, ana.id, null)).companyId).toBeNull();
    const shared = await writeRecord(db, 'people', crypto.randomUUID(), { name: 'Bia', scope: 'team' }, { create: true });
    await expect(linkPerson(db, shared.id, acme.id)).rejects.toThrow(
      'Bia is shared with your team and Acme is private: your team would see a link to nothing. Share Acme first.',
    );
    await expect(linkPerson(db, ana.id, 'co-missing')).rejects.toThrow('That company no longer exists.');
  });

  it('a company gaining a domain links, in one pass, the people at it who work nowhere yet', async () => {
    const other = await createCompany(db, { name: 'Other' });
    const [ana, bia, caio, dani, eva] = await Promise.all(['Ana', 'Bia', 'Caio', 'Dani', 'Eva'].map((name) => createPerson(db, { name })));
    await addIdentity(db, ana!.id, 'email', 'ana@acme.com');
    await addIdentity(db, bia!.id, 'email', 'bia@eu.acme.com');
    await addIdentity(db, caio!.id, 'email', 'caio@acme.com');
    await linkPerson(db, caio!.id, other.id);
    await addIdentity(db, dani!.id, 'email', 'dani@notacme.com');
    await addIdentity(db, eva!.id, 'email', 'eva@acme.com');
    await addNeverLog(db, 'eva@acme.com');
    const acme = await createCompany(db, { name: 'Acme' });
    await addDomain(db, acme.id, 'acme.com');
    const companyOf = async (id: string) => (await db.people.get(id))?.companyId;
    expect(await Promise.all([ana, bia, caio, dani, eva].map((p) => companyOf(p!.id)))).toEqual([
      acme.id,
      acme.id,
      other.id,
      undefined,
      undefined,
    ]);
  });
});
