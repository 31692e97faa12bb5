import { afterEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { addNote, deleteNote, updateNote } from '../../../src/storage/records/notes';
import { writeRecord } from '../../../src/storage/records/write';
import { SyncApiError } from '../../../src/sync/client/api';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta } from '../../../src/sync/client/state';
import { errorText } from '../../../src/ui/sync/status-text';
import { freshClientDb } from '../../support/db';
import { apiFor, joinWith } from '../../support/sync-client';
import { startSimServer, type SimServer } from '../sim/server';

const opts = { now: () => Date.now() };
let server: SimServer | undefined;
let dbs: ClydeDB[] = [];

afterEach(async () => {
  for (const db of dbs) db.close();
  dbs = [];
  await server?.close();
});

async function pair(s: SimServer) {
  const [a, b] = [freshClientDb().db, freshClientDb().db];
  dbs.push(a, b);
  await joinWith(a, await s.invite(), s.fetch);
  await joinWith(b, await s.invite(), s.fetch);
  return { a, b };
}

const sync = async (db: ClydeDB) => syncOnce(db, await apiFor(db, server!.fetch), opts);

/** Every row of every table of a device's database, as one string to search. */
async function everything(db: ClydeDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => JSON.stringify(await t.toArray())));
  return tables.join('\n');
}

describe('erase on delete, between two devices and the real server', () => {
  it('leaves a deleted shared note’s text nowhere in the teammate’s IndexedDB, search index included', async () => {
    server = await startSimServer();
    const { a, b } = await pair(server);
    const person = await writeRecord(a, 'people', crypto.randomUUID(), { name: 'Ada', scope: 'team' }, { create: true });
    const note = await addNote(a, person.id, { body: 'Zq7 alarm code 4711' });
    await writeRecord(a, 'notes', note.id, { scope: 'team' });
    await sync(a);
    await sync(b);
    await updateNote(b, note.id, { body: 'Zq8 alarm code moved' });
    await sync(b);
    await sync(a);
    // The search works: both devices hold the text before the delete, in the record and the index.
    expect(await everything(b)).toContain('Zq8');
    expect(await everything(b)).toContain('zq8');

    await deleteNote(a, note.id);
    // The deleting owner's device holds no text from the moment of the delete, before any sync.
    expect(await everything(a)).not.toMatch(/zq[78]/i);
    await sync(a);
    await sync(b);
    await sync(a);
    for (const db of [a, b]) {
      const all = await everything(db);
      expect(all).not.toMatch(/zq[78]/i);
      expect(all).not.toContain('alarm code');
      expect(await db.notes.get(note.id)).toBeUndefined();
    }
    // The tombstone stays as the server's row, so a late edit merges against it.
    expect((await b.srv.get(['notes', note.id]))?.values).toEqual({ deleted: true });
    expect((await b.people.get(person.id))?.name).toBe('Ada');
  });

  it('says in plain words that the team’s storage is full, keeps the outbox, still pulls, and sends once there is room', async () => {
    server = await startSimServer({ storage: { teamQuotaBytes: 6_000 } });
    const { a, b } = await pair(server);
    const person = await writeRecord(b, 'people', crypto.randomUUID(), { name: 'Grace', scope: 'team' }, { create: true });
    await sync(b);
    let round: Promise<unknown> = Promise.resolve();
    const bodies: string[] = [];
    for (let i = 0; i < 12; i++) {
      const body = `note ${i} ${'x'.repeat(900)}`;
      bodies.push(body);
      await addNote(a, person.id, { body });
      round = sync(a);
      const failed = await round.then(
        () => false,
        (err: unknown) => err instanceof SyncApiError && err.code === 'TEAM_QUOTA_EXCEEDED',
      );
      if (failed) break;
    }
    await expect(round).rejects.toMatchObject({ code: 'TEAM_QUOTA_EXCEEDED' });
    const status = await getMeta(a, 'syncStatus');
    expect(status?.lastError?.code).toBe('TEAM_QUOTA_EXCEEDED');
    expect(errorText(status!.lastError!)).toMatch(/storage on the sync server is full.*kept on this device/);
    const waiting = await a.outbox.where('state').equals('pending').count();
    expect(waiting).toBeGreaterThan(0);
    expect(status?.pending).toBe(waiting);

    // Still pulls: a teammate's change arrives though a's push was refused.
    await writeRecord(b, 'people', person.id, { name: 'Grace H.' });
    await sync(b);
    await expect(sync(a)).rejects.toMatchObject({ code: 'TEAM_QUOTA_EXCEEDED' });
    expect((await a.people.get(person.id))?.name).toBe('Grace H.');

    // The admin raises the quota: everything that waited goes out, nothing lost.
    server.setStorage({ teamQuotaBytes: 1_000_000 });
    await sync(a);
    await sync(a);
    expect(await a.outbox.count()).toBe(0);
    expect((await getMeta(a, 'syncStatus'))?.lastError).toBeUndefined();
    const mine = (await a.notes.toArray()).map((n) => n.body).sort();
    expect(mine).toEqual([...bodies].sort());
  });
});
