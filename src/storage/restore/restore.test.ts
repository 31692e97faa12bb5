import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../../test/support/db';
import { exportAll } from '../contacts/export-all';
import type { ClydeDB } from '../db';
import { getMeta, setMeta } from '../keys';
import { createPerson, updatePerson } from '../records/people';
import { addNote, deleteNote } from '../records/notes';
import { addPreference } from '../records/preferences';
import { addTask, setTaskDone } from '../records/tasks';
import { ENTITY_SCHEMAS, type Entity } from '../schema';
import { setRhythm, setStarred } from '../summaries/personal';
import { setShared } from '../../sync/client/share';
import { formatHlc } from '../../sync/hlc';
import { readRestoreFile } from './file';
import { previewRestore, restoreExport } from './restore';

const ENTITIES = Object.keys(ENTITY_SCHEMAS) as Entity[];

/** The export as the file the user saves and later picks. */
const exported = async (db: ClydeDB) => readRestoreFile(JSON.stringify(await exportAll(db)));

/** Every table a restore must bring back or keep in step, sorted so order does not matter. */
async function contents(db: ClydeDB) {
  const byKey = <T>(rows: T[], key: keyof T) => [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
  const tables: Record<string, unknown> = {};
  for (const entity of ENTITIES) tables[entity] = byKey((await db.table(entity).toArray()) as { id: string }[], 'id');
  tables.personal = byKey(await db.personal.toArray(), 'personId');
  tables.summaries = byKey(await db.summaries.toArray(), 'personId');
  tables.words = (await db.words.toArray()).map((w) => `${w.entity}/${w.id}:${[...w.w].sort().join(' ')}`).sort();
  return tables;
}

/** A shared record a teammate wrote, as a pull would have stored it. */
function teammatePerson(id: string, name: string, scope: 'team' | 'user:teammate' = 'team') {
  const hlc = formatHlc({ wall: 1_700_000_000_000, counter: 0, node: 'teammate-device' });
  return ENTITY_SCHEMAS.people.parse({
    id,
    name,
    scope,
    ownerId: 'teammate',
    deleted: false,
    rowSeq: 7,
    updatedAt: 1_700_000_000_000,
    clocks: { scope: hlc, ownerId: hlc, deleted: hlc, name: hlc },
  });
}

const words = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const action = fc.oneof(
  fc.record({ kind: fc.constant('person' as const), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), text: words }),
  fc.record({ kind: fc.constant('dropNote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('fact' as const), at: fc.nat(), text: words }),
  fc.record({ kind: fc.constant('task' as const), at: fc.nat(), text: words }),
  fc.record({ kind: fc.constant('done' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('share' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('star' as const), at: fc.nat(), days: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('teammate' as const), text: fc.string({ maxLength: 12 }) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

async function run(db: ClydeDB, actions: Action[]) {
  const people: string[] = [];
  const notes: string[] = [];
  const tasks: string[] = [];
  const pick = (list: string[], at: number) => list[at % list.length];
  for (const a of actions) {
    const who = pick(people, 'at' in a ? a.at : 0);
    if (a.kind === 'person') people.push((await createPerson(db, { name: a.text })).id);
    else if (a.kind === 'teammate') await db.people.put(teammatePerson(`t-${people.length}-${a.text.length}`, a.text));
    else if (!who) continue;
    else if (a.kind === 'rename') await updatePerson(db, who, { name: a.text });
    else if (a.kind === 'note') notes.push((await addNote(db, who, { body: a.text })).id);
    // A deleted note is gone from the panel, so nobody can delete it again.
    else if (a.kind === 'dropNote' && notes.length) await deleteNote(db, notes.splice(a.at % notes.length, 1)[0]!);
    else if (a.kind === 'fact') await addPreference(db, who, a.text);
    else if (a.kind === 'task') tasks.push((await addTask(db, who, a.text)).id);
    else if (a.kind === 'done' && tasks.length) await setTaskDone(db, pick(tasks, a.at)!, true);
    else if (a.kind === 'share') await setShared(db, 'people', who, true);
    else if (a.kind === 'star') await (a.days % 2 ? setStarred(db, who, true) : setRhythm(db, who, a.days));
  }
}

describe('restoring a Clyde export', () => {
  it('export, wipe, restore gives back every record with its clocks, and what is kept beside them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const before = freshClientDb().db;
        await run(before, actions);
        const file = await exported(before);
        const after = freshClientDb().db;
        await restoreExport(after, file);
        expect(await contents(after)).toEqual(await contents(before));
        // The user is still the owner of their records, so they stay editable and shareable.
        if (file.userId) expect((await getMeta(after, 'device'))?.userId).toBe(file.userId);
        // A second restore of the same file finds everything as it is and changes nothing.
        const outbox = await after.outbox.count();
        const again = await restoreExport(after, file);
        for (const entity of ENTITIES) expect(again.records[entity]).toMatchObject({ new: 0, update: 0 });
        expect([again.personal, again.rejected]).toEqual([0, 0]);
        expect(await after.outbox.count()).toBe(outbox);
        expect(await contents(after)).toEqual(await contents(before));
      }),
      { numRuns: 20 },
    );
  });

  it('merges field by field: a field edited here since the export is kept, an older one updated', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana', company: 'Lima' });
    const browser = freshClientDb().db;
    await restoreExport(browser, await exported(laptop));
    const moved = await updatePerson(laptop, ana.id, { company: 'Lima Grãos' });
    const renamed = await updatePerson(browser, ana.id, { name: 'Ana Lima' });
    const file = await exported(laptop);

    const preview = await previewRestore(browser, file);
    expect(preview.records.people).toEqual({ new: 0, update: 1, kept: 0, same: 0, notYours: 0 });
    const outbox = await browser.outbox.count();
    await restoreExport(browser, file);

    const merged = await browser.people.get(ana.id);
    expect(merged).toMatchObject({ name: 'Ana Lima', company: 'Lima Grãos' });
    expect(merged?.clocks).toEqual({ ...moved.clocks, name: renamed.clocks.name });
    // Only the field the file won is queued, at the stamp it was written at, not a new one.
    expect((await browser.outbox.toArray()).slice(outbox)).toEqual([
      expect.objectContaining({
        entity: 'people',
        id: ana.id,
        set: { company: 'Lima Grãos' },
        hlc: moved.clocks.company,
        state: 'pending',
      }),
    ]);
    // An edit made after the restore wins over anything the file brought.
    const later = await updatePerson(browser, ana.id, { company: 'Grãos Lima' });
    expect(later.clocks.company! > moved.clocks.company!).toBe(true);
  });

  it('keeps a record whose every field is newer here, and says so in the preview', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    const file = await exported(laptop);
    const browser = freshClientDb().db;
    await restoreExport(browser, file);
    await updatePerson(browser, ana.id, { name: 'Ana Lima' });
    const preview = await previewRestore(browser, file);
    expect(preview.records.people).toMatchObject({ kept: 1, update: 0, new: 0 });
    await restoreExport(browser, file);
    expect((await browser.people.get(ana.id))?.name).toBe('Ana Lima');
  });

  it('keeps the server row a synced record stood for before changing it, so the next pull still derives from it', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    await updatePerson(laptop, ana.id, { company: 'Lima Grãos' });
    const file = await exported(laptop);
    const browser = freshClientDb().db;
    const synced = { ...ana, rowSeq: 12 };
    await browser.people.put(synced);
    await setMeta(browser, 'device', { clientId: 'browser', userId: ana.ownerId });

    await restoreExport(browser, file);
    expect(await browser.srv.get(['people', ana.id])).toMatchObject({ rowSeq: 12, values: { name: 'Ana' } });
    expect(await browser.people.get(ana.id)).toMatchObject({ company: 'Lima Grãos', rowSeq: 12 });
  });

  it("brings back a teammate's shared record for reading, with no op in the user's name, and not their private ones", async () => {
    const laptop = freshClientDb().db;
    const mine = await createPerson(laptop, { name: 'Ana' });
    await laptop.people.bulkPut([teammatePerson('t-1', 'Bruno'), teammatePerson('t-2', 'Carla', 'user:teammate')]);
    const file = await exported(laptop);
    const browser = freshClientDb().db;

    const report = await restoreExport(browser, file);
    expect(report.records.people).toEqual({ new: 2, update: 0, kept: 0, same: 0, notYours: 1 });
    expect(await browser.people.get('t-1')).toEqual(teammatePerson('t-1', 'Bruno'));
    expect(await browser.people.get('t-2')).toBeUndefined();
    const queued = await browser.outbox.toArray();
    expect(queued.map((op) => op.id)).toEqual([mine.id]);
    expect(queued[0]).toMatchObject({ hlc: mine.clocks.name, set: { name: 'Ana', ownerId: mine.ownerId, scope: mine.scope } });
  });

  it("restores the user's unsent edit of a teammate's shared record as theirs to send", async () => {
    const laptop = freshClientDb().db;
    await createPerson(laptop, { name: 'Ana' });
    await laptop.people.put(teammatePerson('t-1', 'Bruno'));
    const edit = await updatePerson(laptop, 't-1', { company: 'Costa' });
    const browser = freshClientDb().db;
    await restoreExport(browser, await exported(laptop));
    const ops = (await browser.outbox.toArray()).filter((op) => op.id === 't-1');
    expect(ops).toEqual([expect.objectContaining({ set: { company: 'Costa' }, hlc: edit.clocks.company })]);
  });

  it('knows whose records an export made before exports named their user holds, from its private records', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    const { userId: _unnamed, ...older } = await exportAll(laptop);
    const file = readRestoreFile(JSON.stringify(older));
    expect(file.userId).toBe(ana.ownerId);
    const browser = freshClientDb().db;
    expect((await restoreExport(browser, file)).records.people).toMatchObject({ new: 1, notYours: 0 });
    expect((await getMeta(browser, 'device'))?.userId).toBe(ana.ownerId);
  });

  it("on a device with records of its own, keeps its user and takes a local backup's records as theirs", async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    const browser = freshClientDb().db;
    const own = await createPerson(browser, { name: 'Bia' });
    const report = await restoreExport(browser, await exported(laptop));
    expect(report.records.people).toMatchObject({ new: 1, notYours: 0 });
    expect((await getMeta(browser, 'device'))?.userId).toBe(own.ownerId);
    expect(await browser.people.get(ana.id)).toMatchObject({
      name: 'Ana',
      ownerId: own.ownerId,
      scope: `user:${own.ownerId}`,
      clocks: ana.clocks,
    });
    expect((await browser.outbox.toArray()).at(-1)).toMatchObject({
      id: ana.id,
      set: { ownerId: own.ownerId, scope: `user:${own.ownerId}` },
    });
  });

  it("in a team, keeps its member: another member's private records are not taken", async () => {
    const laptop = freshClientDb().db;
    await createPerson(laptop, { name: 'Ana' });
    const browser = freshClientDb().db;
    await setMeta(browser, 'device', { clientId: 'browser', userId: 'member-2' });
    await setMeta(browser, 'account', { serverUrl: 'https://sync.example', token: 't', teamId: 'team', userId: 'member-2', deviceId: 'd' });
    const report = await restoreExport(browser, await exported(laptop));
    expect(report.records.people).toMatchObject({ new: 0, notYours: 1 });
    expect(await browser.people.count()).toBe(0);
  });

  it('brings back refused edits once, and a rhythm only for people who have none here', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    await setRhythm(laptop, ana.id, 30);
    const refused = { entity: 'notes' as const, id: 'n-x', set: { body: 'refused words' }, hlc: ana.clocks.name!, state: 'sent' as const };
    await laptop.rejected.add({ ...refused, code: 'FORBIDDEN', message: 'no', at: 1 });
    const file = await exported(laptop);
    const browser = freshClientDb().db;
    await restoreExport(browser, file);
    await setRhythm(browser, ana.id, 91);
    const again = await restoreExport(browser, file);
    expect([again.personal, again.rejected]).toEqual([0, 0]);
    expect(await browser.rejected.toArray()).toEqual([expect.objectContaining({ ...refused, code: 'FORBIDDEN' })]);
    expect((await browser.personal.get(ana.id))?.rhythmDays).toBe(91);
  });

  it('restores nothing and says why when the file is not JSON, not an export, or holds an invalid record', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    await addNote(laptop, ana.id, { body: 'Wants two bags' });
    const good = JSON.parse(JSON.stringify(await exportAll(laptop)));
    const bad = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(() => readRestoreFile('BEGIN:VCARD\nFN:Ana\nEND:VCARD')).toThrow(/not a Clyde export: it is not JSON/);
    expect(() => readRestoreFile('{"people": []}')).toThrow(/not a Clyde export: it has no “clyde-export” format mark/);
    expect(() => readRestoreFile(bad((f) => (f.version = 2)))).toThrow(/version 2; this Clyde reads version 1/);
    expect(() => readRestoreFile(bad((f) => (f.notes[0].kind = 'fax')))).toThrow(
      /notes entry 1 is not valid \(kind: .+\); nothing was restored/,
    );
    expect(() => readRestoreFile(bad((f) => (f.people[0].clocks.name = 'yesterday')))).toThrow(
      /people entry 1 is not valid \(clocks\.name/,
    );
    expect(() => readRestoreFile(bad((f) => (f.tasks = {})))).toThrow(/“tasks” is not a list/);
  });

  it('writes nothing when applying fails part-way', async () => {
    const laptop = freshClientDb().db;
    const ana = await createPerson(laptop, { name: 'Ana' });
    await addNote(laptop, ana.id, { body: 'Wants two bags' });
    const file = await exported(laptop);
    const browser = freshClientDb().db;
    vi.spyOn(browser.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreExport(browser, file)).rejects.toThrow('disk full');
    expect([
      await browser.people.count(),
      await browser.notes.count(),
      await browser.summaries.count(),
      await browser.words.count(),
    ]).toEqual([0, 0, 0, 0]);
  });
});
