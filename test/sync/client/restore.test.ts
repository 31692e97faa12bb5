import { describe, expect, it } from 'vitest';
import { exportAll } from '../../../src/storage/contacts/export-all';
import type { ClydeDB } from '../../../src/storage/db';
import { addNote, deleteNote, updateNote } from '../../../src/storage/records/notes';
import { createPerson, updatePerson } from '../../../src/storage/records/people';
import { writeRecord } from '../../../src/storage/records/write';
import { readRestoreFile } from '../../../src/storage/restore/file';
import { restoreExport } from '../../../src/storage/restore/restore';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta } from '../../../src/sync/client/state';
import { apiFor, joinWith } from '../../support/sync-client';
import { simSuite } from '../../support/sim-suite';

/** A restore meets the real team server: what it queues is taken, what it must not send is not sent. */

const sim = simSuite();
const { client } = sim;

const sync = async (db: ClydeDB) => syncOnce(db, await apiFor(db, sim.server.fetch), { now: () => Date.now() });
const saved = async (db: ClydeDB) => readRestoreFile(JSON.stringify(await exportAll(db)));
const sharedPerson = (db: ClydeDB, name: string) =>
  writeRecord(db, 'people', crypto.randomUUID(), { name, scope: 'team' }, { create: true });

describe('restore and team sync', () => {
  it('a backup made before joining reaches the team whole once the restored browser joins', async () => {
    const laptop = client();
    const ada = await sharedPerson(laptop, 'Ada');
    const note = await addNote(laptop, ada.id, { body: 'first words' });
    await writeRecord(laptop, 'notes', note.id, { scope: 'team' });
    const rewritten = await updateNote(laptop, note.id, { body: 'Wants the grain in two bags' });
    const file = await saved(laptop);

    const browser = client();
    await restoreExport(browser, file);
    await joinWith(browser, await sim.server.invite(), sim.server.fetch);
    await sync(browser);
    await sync(browser);
    expect(await browser.rejected.toArray()).toEqual([]);
    expect(await browser.outbox.count()).toBe(0);

    const teammate = client();
    await joinWith(teammate, await sim.server.invite(), sim.server.fetch);
    await sync(teammate);
    expect(await teammate.people.get(ada.id)).toMatchObject({ name: 'Ada' });
    expect(await teammate.notes.get(note.id)).toMatchObject({ body: 'Wants the grain in two bags', clocks: rewritten.clocks });
  });

  it("a member's wiped browser, joined again as them, sends the edit that never left and keeps what the team changed since", async () => {
    const a = client();
    const b = client();
    await joinWith(a, await sim.server.invite(), sim.server.fetch);
    await joinWith(b, await sim.server.invite(), sim.server.fetch);
    const ada = await sharedPerson(a, 'Ada');
    await sync(a);
    await updatePerson(a, ada.id, { company: 'Lima Grãos' }); // offline: never pushed
    const file = await saved(a);
    await sync(b);
    await updatePerson(b, ada.id, { name: 'Ada Lima' });
    await sync(b);

    const again = client();
    await joinWith(again, await sim.server.invite((await getMeta(a, 'device'))!.userId), sim.server.fetch);
    await sync(again);
    await restoreExport(again, file);
    await sync(again);
    await sync(again);
    await sync(b);
    expect(await again.rejected.toArray()).toEqual([]);
    expect(await again.people.get(ada.id)).toMatchObject({ name: 'Ada Lima', company: 'Lima Grãos' });
    expect(await b.people.get(ada.id)).toMatchObject({ name: 'Ada Lima', company: 'Lima Grãos' });
  });

  it("a teammate's shared records restored from their file are not pushed as the restorer's, and follow the team after", async () => {
    const a = client();
    const b = client();
    await joinWith(a, await sim.server.invite(), sim.server.fetch);
    await joinWith(b, await sim.server.invite(), sim.server.fetch);
    const bruno = await sharedPerson(b, 'Bruno');
    const secret = await createPerson(b, { name: 'Private to b' });
    await sync(b);

    const report = await restoreExport(a, await saved(b));
    expect(report.records.people).toMatchObject({ new: 1, notYours: 1 });
    expect(await a.people.get(secret.id)).toBeUndefined();
    expect(await a.outbox.count()).toBe(0);
    await updatePerson(b, bruno.id, { name: 'Bruno Costa' });
    await sync(b);
    await sync(a);
    expect(await a.people.get(bruno.id)).toMatchObject({ name: 'Bruno Costa', ownerId: bruno.ownerId });
    expect(await a.rejected.count()).toBe(0);
  });

  it('an older export does not bring back a note deleted since, nor a teammate’s record unshared since', async () => {
    const a = client();
    const b = client();
    await joinWith(a, await sim.server.invite(), sim.server.fetch);
    await joinWith(b, await sim.server.invite(), sim.server.fetch);
    const ada = await sharedPerson(a, 'Ada');
    const note = await addNote(a, ada.id, { body: 'Zq7 gone for good' });
    await writeRecord(a, 'notes', note.id, { scope: 'team' });
    const bruno = await sharedPerson(b, 'Bruno');
    await sync(a);
    await sync(b);
    await sync(a);
    const backup = await saved(a);

    await deleteNote(a, note.id);
    await writeRecord(b, 'people', bruno.id, { scope: `user:${(await getMeta(b, 'device'))!.userId}` });
    await sync(a);
    await sync(b);
    await sync(a);
    expect(await a.people.get(bruno.id)).toBeUndefined();

    const report = await restoreExport(a, backup);
    expect(report.records.notes).toMatchObject({ kept: 1, new: 0 });
    expect(report.records.people).toMatchObject({ notYours: 1 });
    expect(await a.notes.get(note.id)).toBeUndefined();
    expect(await a.people.get(bruno.id)).toBeUndefined();
    expect(JSON.stringify(await a.outbox.toArray())).not.toContain('Zq7');
    await sync(a);
    expect(await a.notes.get(note.id)).toBeUndefined();
  });
});
