import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { identitiesFor } from '../records/identity';
import { findPersonByIdentity } from '../records/identity-lookup';
import { mergePeople } from '../people/merge-people';
import { addNeverLog } from '../records/never-log';
import { createPerson } from '../records/people';
import { addPreference, rememberFor } from '../records/preferences';
import { ContactsFileError, type Contact } from './contact';
import { contactsFromCsv } from './csv';
import { contactsFile, contactsOf, contactsToCsv, contactsToVcard } from './export';
import { importContacts, MAX_CONTACTS, readContactsFile } from './import';
import { contactsFromVcard } from './vcard';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', `2026-12-06-${name}`), 'utf8');

/** Ana as contacts.vcf has her, less her note. */
const ANA = {
  name: 'Ana Lima',
  emails: ['ana.lima@example.com'],
  company: 'Costa & Filhos Mills',
  title: 'Buyer',
  phones: ['+351 912 345 678'],
  urls: ['https://www.linkedin.com/in/ana-lima', 'https://x.com/ana_lima'],
};

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('reading address books', () => {
  it('reads a Google Contacts CSV: joined names, several addresses in one cell, quoted multi-line notes', () => {
    const [ana, eduardo, nobody, marta] = contactsFromCsv(fixture('google-contacts.csv'));
    expect(ana).toEqual({
      at: 'row 2',
      name: 'Ana Lima',
      emails: ['ana.lima@example.com', 'ana@lima.example'],
      company: 'Costa & Filhos Mills',
      title: 'Buyer',
      phones: ['+351 912 345 678'],
      urls: ['https://www.linkedin.com/in/ana-lima'],
      note: 'Prefers calls after 4 pm.\nAsk about the Porto trip.',
    });
    expect(eduardo).toMatchObject({
      name: 'Eduardo Pires',
      emails: ['eduardo.pires@example.org', 'eduardo@home.example'],
      company: 'Pires Lda',
    });
    expect(nobody).toMatchObject({ at: 'row 4', name: undefined, emails: [] });
    expect(marta).toMatchObject({ name: 'Marta Costa', emails: [] });
  });

  it('reads an Outlook CSV without taking the honorific for a job or the display name for an address', () => {
    const [bruno, carla] = contactsFromCsv(fixture('outlook-contacts.csv'));
    expect(bruno).toMatchObject({
      name: 'Bruno Costa',
      title: 'Owner',
      company: 'Costa & Filhos Mills',
      emails: ['bruno.costa@example.org'],
      phones: ['+351 222 000 111', '+351 933 333 333'],
      note: 'Two 25 kg bags, never one 50 kg',
    });
    expect(carla).toMatchObject({ name: 'Carla Mendes', title: undefined, emails: ['carla.mendes@example.net'] });
  });

  it('reads vCards 3.0 and 4.0: folded lines, escapes, structured names and organisations, tel: URIs, social profiles', () => {
    const [ana, eduardo, diego] = contactsFromVcard(fixture('contacts.vcf'));
    expect(ana).toEqual({ at: 'card 1', ...ANA, note: 'Prefers calls after 4 pm, never mornings.\nAsk about the Porto trip.' });
    expect(eduardo).toMatchObject({ name: 'Eduardo Pires', phones: ['+351-933-000-111'] });
    // No FN: the structured name stands in.
    expect(diego).toMatchObject({ name: 'Diego Rocha', emails: [] });
  });

  it('reads Outlook’s vCard 2.1, whose parameters have no names', () => {
    expect(contactsFromVcard(fixture('outlook-2.1.vcf'))).toEqual([
      {
        at: 'card 1',
        name: 'Bruno Costa',
        emails: ['bruno.costa@example.org'],
        company: 'Costa & Filhos Mills',
        title: 'Owner',
        phones: ['+351 222 000 111'],
        urls: [],
        note: undefined,
      },
    ]);
  });

  it('decodes the quoted-printable values vCard 2.1 writes for accented names, in their charset', () => {
    expect(contactsFromVcard(fixture('outlook-2.1-accents.vcf'))).toEqual([
      {
        at: 'card 1',
        name: 'João Conceição',
        emails: ['joao@example.pt'],
        company: 'Padaria São João',
        title: undefined,
        phones: [],
        urls: [],
        note: 'Prefere ligações à tarde.\nSegunda linha',
      },
    ]);
  });

  it.each([
    [
      'a CSV quote never closed',
      'x.csv',
      'Name,Email\nAna,"ana@example.com\nBruno,bruno@example.org\n',
      'quote that is never closed (row 2)',
    ],
    ['a CSV without name or email columns', 'x.csv', 'Phone,City\n123,Porto\n', 'no name or email column'],
    ['an empty CSV', 'x.csv', '', 'The CSV file is empty.'],
    ['a vCard that never ends', 'x.vcf', 'BEGIN:VCARD\nFN:Ana\n', 'The vCard file cannot be read'],
    ['a .vcf that is not a vCard', 'x.vcf', 'garbage', 'The vCard file cannot be read'],
    ['a calendar in a .vcf', 'x.vcf', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'holds no vCards'],
    ['another kind of file', 'contacts.xlsx', 'PK\u0003\u0004', 'is not a CSV or vCard (.vcf) file'],
  ])('refuses %s with a reason', (_, name, text, message) => {
    expect(() => readContactsFile(name, text)).toThrow(ContactsFileError);
    expect(() => readContactsFile(name, text)).toThrow(message);
  });

  it('tells a vCard by its first line whatever the file is called, and refuses more contacts than it imports at once', () => {
    expect(readContactsFile('export', fixture('outlook-2.1.vcf'))).toHaveLength(1);
    const many = `Name,Email\n${Array.from({ length: MAX_CONTACTS + 1 }, (_, i) => `P${i},p${i}@example.com`).join('\n')}`;
    expect(() => readContactsFile('big.csv', many)).toThrow(`holds ${(MAX_CONTACTS + 1).toLocaleString('en-US')} contacts`);
  });
});

describe('importContacts', () => {
  it('adds each contact as a private person with addresses, profiles, phone facts and a note, and says what it skipped', async () => {
    const report = await importContacts(db, contactsFromCsv(fixture('google-contacts.csv')));
    expect(report).toEqual({ added: 3, known: 0, neverLogged: 0, skipped: [{ at: 'row 4', why: 'no name, email or profile' }] });
    const ana = (await findPersonByIdentity(db, 'email', 'ANA@lima.example'))!;
    expect(ana).toMatchObject({
      name: 'Ana Lima',
      company: 'Costa & Filhos Mills',
      headline: 'Buyer',
      scope: expect.stringMatching(/^user:/),
    });
    expect((await identitiesFor(db, ana.id)).map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'email:ana.lima@example.com',
      'email:ana@lima.example',
      'linkedin:https://www.linkedin.com/in/ana-lima',
    ]);
    expect((await rememberFor(db, ana.id)).map((f) => `${f.key}: ${f.value}`)).toEqual(['phone: +351 912 345 678']);
    expect((await db.notes.where('personId').equals(ana.id).toArray()).map((n) => n.body)).toEqual([
      'Prefers calls after 4 pm.\nAsk about the Porto trip.',
    ]);
    expect(await db.outbox.count()).toBeGreaterThan(0);
  });

  it('adds no one twice: a second import of the same file, or a contact already in Clyde, is counted as known', async () => {
    await importContacts(db, contactsFromVcard(fixture('contacts.vcf')));
    const people = await db.people.count();
    expect(await importContacts(db, contactsFromVcard(fixture('contacts.vcf')))).toEqual({
      added: 0,
      known: 3,
      neverLogged: 0,
      skipped: [],
    });
    // The same Ana from another address book, by her LinkedIn profile; an X profile alone finds her too.
    const again: Contact[] = [
      { at: 'row 2', name: 'A. Lima', emails: [], phones: [], urls: ['https://pt.linkedin.com/in/ana-lima/'] },
      { at: 'row 3', emails: [], phones: [], urls: ['https://twitter.com/Ana_Lima'] },
    ];
    expect(await importContacts(db, again)).toMatchObject({ added: 0, known: 2 });
    expect(await db.people.count()).toBe(people);
  });

  it('leaves out contacts on the never-log list and contacts with nothing to know them by', async () => {
    await addNeverLog(db, 'example.org');
    const contacts: Contact[] = [
      ...contactsFromCsv(fixture('outlook-contacts.csv')),
      { at: 'row 9', emails: ['not an address'], phones: ['123'], urls: [] },
    ];
    expect(await importContacts(db, contacts)).toEqual({
      added: 1,
      known: 0,
      neverLogged: 1,
      skipped: [{ at: 'row 9', why: 'no valid email address and no name' }],
    });
    expect(await findPersonByIdentity(db, 'email', 'bruno.costa@example.org')).toBeUndefined();
  });

  it('imports nothing when one contact cannot be written', async () => {
    const contacts: Contact[] = [
      ...contactsFromCsv(fixture('outlook-contacts.csv')),
      { at: 'row 4', name: 'Broken', emails: [], phones: [], urls: [], note: 42 as never },
    ];
    await expect(importContacts(db, contacts)).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('exporting contacts', () => {
  /** What an address book keeps of a contact, in a stable order. */
  const card = ({ name, emails, company, title, phones, urls }: Contact) => ({
    name,
    emails: [...emails].sort(),
    company,
    title,
    phones,
    urls: [...urls].sort(),
  });

  it('writes vCard and CSV that read back as the same contacts, and that importing again adds no one', async () => {
    await importContacts(db, contactsFromVcard(fixture('contacts.vcf')));
    await importContacts(db, contactsFromCsv(fixture('outlook-contacts.csv')));
    const contacts = await contactsOf(db);
    expect(contacts.map((c) => c.name)).toEqual(['Ana Lima', 'Bruno Costa', 'Carla Mendes', 'Diego Rocha', 'Eduardo Pires']);
    expect(card(contacts[0]!)).toEqual(ANA);
    for (const text of [contactsToVcard(contacts), contactsToCsv(contacts)]) {
      const back = text.startsWith('BEGIN:VCARD') ? contactsFromVcard(text) : contactsFromCsv(text);
      expect(back.map(card)).toEqual(contacts.map(card));
      expect(await importContacts(db, back)).toEqual({ added: 0, known: 5, neverLogged: 0, skipped: [] });
    }
  });

  it('leaves out merged and deleted people, and keeps a spreadsheet from running a name as a formula', async () => {
    const kept = await createPerson(db, { name: '=HYPERLINK("https://evil.example","Ana")', company: "+cmd|' /C calc'!A0" });
    await addPreference(db, kept.id, 'phone: +351 912 345 678');
    const merged = await createPerson(db, { name: 'Ana L.' });
    await mergePeople(db, merged.id, kept.id);
    const csv = contactsToCsv(await contactsOf(db));
    expect(csv.split('\r\n')).toEqual([
      'Name,E-mail 1 - Value,Organization Name,Organization Title,Phone 1 - Value,Website 1 - Value',
      `"'=HYPERLINK(""https://evil.example"",""Ana"")",,"'+cmd|' /C calc'!A0",,+351 912 345 678,`,
    ]);
  });
});

describe('long work: counts and cancel', () => {
  const many = (n: number): Contact[] =>
    Array.from({ length: n }, (_, i) => ({
      at: `row ${i + 2}`,
      name: `Customer ${i}`,
      emails: [`customer${i}@example.com`],
      phones: [],
      urls: [],
    }));

  it('counts an import from 0 to the end, in steps', async () => {
    const seen: [number, number][] = [];
    await importContacts(db, many(300), { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, 300],
      [250, 300],
      [300, 300],
    ]);
    expect(await db.people.count()).toBe(300);
  }, 30_000);

  it('a cancelled import adds no one, queues nothing and leaves no summary', async () => {
    const stop = new AbortController();
    const importing = importContacts(db, many(300), {
      signal: stop.signal,
      onProgress: (done) => done >= 250 && stop.abort(),
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.people.count()).toBe(0);
    expect(await db.identities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
    // And the same file imports whole afterwards.
    expect(await importContacts(db, many(300))).toMatchObject({ added: 300 });
  }, 30_000);

  it('writes a vCard a slice at a time with counts, and a cancel returns no file', async () => {
    const contacts = many(600);
    const seen: number[] = [];
    const card = await contactsFile(contacts, 'vcard', { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, 250, 500, 600]);
    expect(card).toBe(contactsToVcard(contacts));
    const stop = new AbortController();
    const writing = contactsFile(contacts, 'vcard', { signal: stop.signal, onProgress: (done) => done > 0 && stop.abort() });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
  });
});
