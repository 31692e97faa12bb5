import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptySeed, addPerson } from '../../../test/support/records';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { addIdentity } from '../records/identity';
import { addNote, deleteNote, updateNote } from '../records/notes';
import { createPerson, updatePerson } from '../records/people';
import { addPreference } from '../records/preferences';
import { isAboutPerson, search } from './search';
import { indexQueued } from './index-queued';
import { deferWordIndex } from './search-index';
import { addTask } from '../records/tasks';
import { writeRecord } from '../records/write';
import { createCompany, updateCompany } from '../../companies/companies';
import { mergeCompanies } from '../../companies/merge-companies';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const names = async (q: string) =>
  (await search(db, q)).map((r) =>
    isAboutPerson(r)
      ? `${r.kind}:${r.person.name}${r.snippet ? `:${r.snippet}` : ''}`
      : r.kind === 'company'
        ? `company:${r.company.name}`
        : `opportunity:${r.opportunity.title}${r.company ? `:${r.company.name}` : ''}`,
  );

describe('search over the word index', () => {
  it('finds people by name, company and address prefixes, accents and case folded', async () => {
    const ana = await createPerson(db, { name: 'Ana Lima', company: 'Grãos do Sul' });
    await addIdentity(db, ana.id, 'email', 'ana.lima@example.com');
    await createPerson(db, { name: 'José Pires' });
    expect(await names('an')).toEqual(['person:Ana Lima']);
    expect(await names('GRAOS')).toEqual(['person:Ana Lima']);
    expect(await names('ana.lima@ex')).toEqual(['person:Ana Lima']);
    expect(await names('jose')).toEqual(['person:José Pires']);
    expect(await names('lima jose')).toEqual([]);
  });

  it('finds a note, a fact and a task by a word in them, and a person’s note by name plus word', async () => {
    const ana = await createPerson(db, { name: 'Ana Lima' });
    const bruno = await createPerson(db, { name: 'Bruno Costa' });
    await addNote(db, ana.id, { body: 'Met at the spring fair', occurredAt: 1000 });
    await addNote(db, bruno.id, { body: 'Spring order is late', occurredAt: 2000 });
    await addPreference(db, ana.id, 'delivery: springs only on Tuesdays');
    await addTask(db, bruno.id, 'Call about springboard');
    const hits = await search(db, 'spring');
    expect(hits.map((h) => h.kind).sort()).toEqual(['notes', 'notes', 'preferences', 'tasks']);
    expect(await names('ana spring')).toEqual(expect.arrayContaining(['notes:Ana Lima:Met at the spring fair']));
    expect((await names('ana spring')).some((n) => n.includes('Bruno'))).toBe(false);
    expect(await names('fair')).toEqual(['notes:Ana Lima:Met at the spring fair']);
  });

  it('ranks name and address hits first, then notes newest first', async () => {
    const carla = await createPerson(db, { name: 'Carla Mendes' });
    const other = await createPerson(db, { name: 'Duda Reis' });
    await addNote(db, other.id, { body: 'Carla introduced us', occurredAt: 1000 });
    await addNote(db, other.id, { body: 'Carla called again', occurredAt: 5000 });
    const hits = await search(db, 'carla');
    expect(hits.filter(isAboutPerson).map((h) => [h.kind, h.person.id, h.snippet])).toEqual([
      ['person', carla.id, undefined],
      ['notes', other.id, 'Carla called again'],
      ['notes', other.id, 'Carla introduced us'],
    ]);
  });

  it('follows edits, deletes and renames', async () => {
    const p = await createPerson(db, { name: 'Eva Prado' });
    const note = await addNote(db, p.id, { body: 'likes oranges' });
    await updateNote(db, note.id, { body: 'likes lemons' });
    expect(await names('oranges')).toEqual([]);
    expect(await names('lemons')).toEqual(['notes:Eva Prado:likes lemons']);
    await deleteNote(db, note.id);
    expect(await names('lemons')).toEqual([]);
    await updatePerson(db, p.id, { name: 'Eva Souza' });
    expect(await names('prado')).toEqual([]);
    expect(await names('souza')).toEqual(['person:Eva Souza']);
    expect(await db.words.get(['notes', note.id])).toBeUndefined();
  });

  it('indexes records written straight into the tables, as team sync does, and drops them on clear', async () => {
    const seed = emptySeed();
    addPerson(seed, { name: 'Fabio Nunes', email: 'fabio@example.org', notes: [{ body: 'Synced note about tractors', occurredAt: 1 }] });
    await db.transaction('rw', [db.people, db.identities, db.notes], async () => {
      await db.people.bulkPut(seed.people);
      await db.identities.bulkPut(seed.identities);
      await db.notes.bulkPut(seed.notes);
    });
    expect(await names('tractors')).toEqual(['notes:Fabio Nunes:Synced note about tractors']);
    expect(await names('fabio@')).toEqual(['person:Fabio Nunes']);
    await db.notes.clear();
    expect(await db.words.where('[entity+id]').between(['notes'], ['notes', []]).count()).toBe(0);
    expect(await db.words.where('[entity+id]').between(['people'], ['people', []]).count()).toBe(1);
    expect(await names('tractors')).toEqual([]);
  });

  it('indexes a deferred transaction’s writes once the queue is drained, but drops deleted records at once', async () => {
    const ana = await createPerson(db, { name: 'Ana Lima' });
    const note = await addNote(db, ana.id, { body: 'Met at the spring fair' });
    const gone = await addNote(db, ana.id, { body: 'Wants a quote for seeds' });
    await db.transaction('rw', [db.people, db.notes, db.wordQueue], async () => {
      await deferWordIndex(db, [
        ['people', ana.id],
        ['notes', note.id],
      ]);
      await db.people.put({ ...ana, name: 'Ana Souza' });
      await db.notes.put({ ...note, body: 'Autumn harvest order' });
      await db.notes.delete(gone.id);
    });
    // Until the queue is drained search answers from the rows it had; the deleted note is gone.
    expect(await names('souza')).toEqual([]);
    expect(await names('autumn')).toEqual([]);
    expect(await names('seeds')).toEqual([]);
    expect(await db.wordQueue.count()).toBe(1);

    expect(await indexQueued(db)).toBe(1);
    expect(await db.wordQueue.count()).toBe(0);
    expect(await names('souza')).toEqual(['person:Ana Souza']);
    expect(await names('autumn')).toEqual(['notes:Ana Souza:Autumn harvest order']);
    expect(await names('spring')).toEqual([]);
    // Writes after the deferred transaction are indexed as usual.
    await addNote(db, ana.id, { body: 'Winter visit' });
    expect(await names('winter')).toEqual(['notes:Ana Souza:Winter visit']);
  });

  it('refuses to defer outside a transaction', async () => {
    await expect(deferWordIndex(db, [])).rejects.toThrow(/inside a transaction/);
  });

  it('finds a name written with look-alike Cyrillic letters by its Latin spelling', async () => {
    await createPerson(db, { name: 'Аnna Ivanova' }); // Cyrillic А
    expect(await names('anna')).toEqual(['person:Аnna Ivanova']);
  });

  it.each([1, 2])('builds the index for rows stored at version %i', async (version) => {
    const { db: upgraded, indexedDB } = freshClientDb();
    const old = new Dexie(upgraded.name, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      people: 'id, updatedAt',
      identities: 'id, personId, [kind+value]',
      notes: 'id, personId, [personId+occurredAt]',
      preferences: 'id, personId',
      tasks: 'id, personId',
      outbox: '++clientSeq, [entity+id], state',
      meta: 'key',
    });
    if (version === 2) old.version(2).stores({ srv: '[entity+id]', rejected: '++n' });
    const seed = emptySeed();
    addPerson(seed, { name: 'Gabriela Souza', email: 'gabi@example.com', notes: [{ body: 'Old note about harvest', occurredAt: 1 }] });
    await old.table('people').bulkPut(seed.people);
    await old.table('notes').bulkPut(seed.notes);
    old.close();
    expect((await search(upgraded, 'harvest')).filter(isAboutPerson).map((r) => r.person.name)).toEqual(['Gabriela Souza']);
    expect((await search(upgraded, 'gabriela')).map((r) => r.kind)).toEqual(['person']);
  });
});

describe('search finds companies and opportunities', () => {
  const deal = (title: string, companyId: string | null) =>
    writeRecord(db, 'opportunities', crypto.randomUUID(), { title, companyId, stageId: 'stage-lead', stageAt: 0 }, { create: true });

  it('a company by name or domain, an opportunity by title or title and company name; people first', async () => {
    const acme = await createCompany(db, { name: 'Acme Grãos', domains: ['acme-graos.com', 'acme.de'] });
    await deal('Renewal 2027', acme.id);
    await deal('Renewal of the Beta contract', null);
    await createPerson(db, { name: 'Ana Acme' });
    expect(await names('acme')).toEqual(['person:Ana Acme', 'company:Acme Grãos']);
    expect(await names('graos')).toEqual(['company:Acme Grãos']);
    expect(await names('acme.de')).toEqual(['company:Acme Grãos']);
    expect(await names('acme-graos.com')).toEqual(['company:Acme Grãos']);
    expect((await names('renewal')).sort()).toEqual(['opportunity:Renewal 2027:Acme Grãos', 'opportunity:Renewal of the Beta contract']);
    expect(await names('acme renewal')).toEqual(['opportunity:Renewal 2027:Acme Grãos']);
    expect(await names('beta renewal')).toEqual(['opportunity:Renewal of the Beta contract']);
  });

  it('follows renames; never finds a deleted or merged company, or a deleted opportunity', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const other = await createCompany(db, { name: 'Acme Holding' });
    const renewal = await deal('Renewal', acme.id);
    await updateCompany(db, acme.id, { name: 'Zenith' });
    expect(await names('acme')).toEqual(['company:Acme Holding']);
    expect(await names('zenith renewal')).toEqual(['opportunity:Renewal:Zenith']);
    await mergeCompanies(db, other.id, acme.id);
    expect(await names('zenith')).toEqual([]);
    expect(await names('holding renewal')).toEqual(['opportunity:Renewal:Acme Holding']);
    await writeRecord(db, 'opportunities', renewal.id, { deleted: true });
    expect(await names('renewal')).toEqual([]);
    expect(await db.words.get(['companies', acme.id])).toBeUndefined();
  });

  it('a company’s own notes take no places from notes about people', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const ana = await createPerson(db, { name: 'Ana' });
    for (let i = 0; i < 3; i++) await addNote(db, acme.id, { body: `Board meeting ${i}`, occurredAt: 10 + i });
    await addNote(db, ana.id, { body: 'Meeting in March', occurredAt: 1 });
    expect((await search(db, 'meeting', 1)).map((r) => r.kind)).toEqual(['notes']);
  });

  it('indexes companies and opportunities that arrive by team sync', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const row = { ...(await deal('Renewal', acme.id)), id: 'o-synced', title: 'Expansion' };
    await db.transaction('rw', [db.opportunities, db.wordQueue], async () => {
      await deferWordIndex(db, [['opportunities', row.id]]);
      await db.opportunities.put(row);
    });
    expect(await names('expansion')).toEqual([]);
    await indexQueued(db);
    expect(await names('expansion')).toEqual(['opportunity:Expansion:Acme']);
  });
});
