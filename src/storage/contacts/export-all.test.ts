import { beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { exportAll, exportFileName } from './export-all';
import { addIdentity } from '../records/identity';
import { addNote, deleteNote } from '../records/notes';
import { createPerson } from '../records/people';
import { addPreference } from '../records/preferences';
import { ENTITY_SCHEMAS, type Entity } from '../schema';
import { addTask } from '../records/tasks';
import { writeRecord } from '../records/write';
import { createCompany } from '../../companies/companies';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('exportAll', () => {
  it('holds every record, nothing of a deleted one, pending and refused edits, and survives JSON', async () => {
    const person = await createPerson(db, { name: 'Ana Lima', company: 'Lima Grãos' });
    await addIdentity(db, person.id, 'email', 'ana.lima@example.com');
    await addIdentity(db, person.id, 'email', 'ana@limagraos.example');
    const kept = await addNote(db, person.id, { body: 'Wants the grain in two bags' });
    const gone = await addNote(db, person.id, { body: 'Wrong person' });
    await deleteNote(db, gone.id);
    await addPreference(db, person.id, 'order: two 25 kg bags');
    await addTask(db, person.id, 'Send the price list');
    const company = await createCompany(db, { name: 'Lima Grãos', domains: ['limagraos.example'] });
    await writeRecord(db, 'stages', 'stage-proposal', { name: 'Offer sent', order: 3, outcome: 'open', idleDays: 5 }, { create: true });
    await writeRecord(
      db,
      'opportunities',
      'o-1',
      {
        title: 'Harvest order',
        companyId: company.id,
        personIds: person.id,
        stageId: 'stage-proposal',
        stageAt: 1,
        value: 1200,
        currency: 'EUR',
      },
      { create: true },
    );
    await db.rejected.add({
      entity: 'notes',
      id: 'n-x',
      set: { body: 'refused words' },
      hlc: '1',
      state: 'sent',
      code: 'FORBIDDEN',
      message: 'no',
      at: 1,
    });

    const data = JSON.parse(JSON.stringify(await exportAll(db, new Date('2026-11-23T10:00:00Z'))));
    expect(data).toMatchObject({ format: 'clyde-export', version: 1, exportedAt: '2026-11-23T10:00:00.000Z', userId: person.ownerId });
    for (const entity of Object.keys(ENTITY_SCHEMAS) as Entity[]) {
      expect(data[entity]).toHaveLength(await db.table(entity).count());
      for (const row of data[entity]) expect(ENTITY_SCHEMAS[entity].safeParse(row).success).toBe(true);
    }
    expect(data.people[0]).toMatchObject({ name: 'Ana Lima', company: 'Lima Grãos', companyId: company.id });
    expect(data.companies).toEqual([expect.objectContaining({ id: company.id, name: 'Lima Grãos', domains: 'limagraos.example' })]);
    expect(data.stages).toEqual([expect.objectContaining({ id: 'stage-proposal', name: 'Offer sent' })]);
    expect(data.opportunities).toEqual([expect.objectContaining({ title: 'Harvest order', companyId: company.id, value: 1200 })]);
    expect(data.notes.find((n: { id: string }) => n.id === kept.id)).toMatchObject({ body: 'Wants the grain in two bags', deleted: false });
    // A delete erases (sync/erase.ts): the note is not exported, and its words are nowhere in the file.
    expect(data.notes.find((n: { id: string }) => n.id === gone.id)).toBeUndefined();
    expect(JSON.stringify(data)).not.toContain('Wrong person');
    expect(data.pending.length).toBe(await db.outbox.where('state').equals('pending').count());
    expect(data.rejected).toEqual([expect.objectContaining({ set: { body: 'refused words' }, code: 'FORBIDDEN' })]);
  });

  it('exports an empty store as empty lists, not an error', async () => {
    const data = await exportAll(db);
    expect([data.people, data.notes, data.companies, data.opportunities, data.pending, data.rejected]).toEqual([[], [], [], [], [], []]);
  });

  it('counts the records it reads, and a cancel makes no export', async () => {
    const person = await createPerson(db, { name: 'Ana Lima' });
    await addNote(db, person.id, { body: 'Wants the grain in two bags' });
    await addTask(db, person.id, 'Send the price list');
    const rows = (await Promise.all((Object.keys(ENTITY_SCHEMAS) as Entity[]).map((e) => db.table(e).count()))).reduce((a, b) => a + b);
    const seen: [number, number][] = [];
    await exportAll(db, new Date(), { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, rows],
      [rows, rows],
    ]);
    const stop = new AbortController();
    await expect(exportAll(db, new Date(), { signal: stop.signal, onProgress: () => stop.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('names the file by its day', () => {
    expect(exportFileName(new Date('2026-11-23T23:00:00Z'))).toBe('clyde-export-2026-11-23.json');
  });
});
