import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { capture } from '../capture/capture';
import { freshClientDb } from '../../test/support/db';
import { injectQuotaFaults, NextClydeDB, type QuotaShape } from '../../test/support/storage-faults';
import { ClydeDB } from './db';
import { storageFaultOf, storageFaultText } from './db-faults';
import { createPerson } from './records/people';

const rejection = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => expect.unreachable('the write should have failed'),
    (err: unknown) => err,
  );

describe('a full disk', () => {
  it.each<QuotaShape>(['put', 'commit', 'bulk'])(
    'is recognised through Dexie’s wrapping (%s) and the write changes nothing',
    async (shape) => {
      const { db } = freshClientDb();
      const faults = injectQuotaFaults(db);
      const { id } = await createPerson(db, { name: 'Ana Lima' });
      faults.fill(shape);
      const err = await rejection(capture(db, id, { text: 'Prefers calls after 4pm' }, new Date()));
      expect(faults.refused()).toBeGreaterThan(0);
      expect(storageFaultOf(err)).toBe('quota');
      expect(storageFaultText('quota')).toMatch(/Anything you typed is still here. Free up disk space/);
      faults.free();
      expect(await db.notes.count()).toBe(0);
      expect(await db.outbox.count()).toBe(1); // only the person's creation
      await capture(db, id, { text: 'Prefers calls after 4pm' }, new Date());
      expect(await db.notes.count()).toBe(1);
    },
  );

  it('is not mistaken for other errors', () => {
    expect(storageFaultOf(new Error('boom'))).toBeUndefined();
    expect(storageFaultOf(Object.assign(new Error('x'), { name: 'ConstraintError' }))).toBeUndefined();
    expect(storageFaultOf(undefined)).toBeUndefined();
  });
});

describe('another page with a newer version', () => {
  it('closes this page’s connection, which then says reload and writes nothing', async () => {
    const { db: old, indexedDB } = freshClientDb('clyde-vc');
    const { id } = await createPerson(old, { name: 'Ana Lima' });
    const changes: unknown[] = [];
    old.health.subscribe(() => changes.push(old.health.fault()));

    // The newer page opens: the old connection steps aside instead of blocking it.
    const next = new NextClydeDB('clyde-vc', indexedDB);
    await next.open();
    expect(next.health.fault()).toBeUndefined();
    expect(old.health.fault()).toBe('outdated');
    expect(changes).toEqual(['outdated']);

    const err = await rejection(capture(old, id, { text: 'written by old code' }, new Date()));
    expect(storageFaultOf(err)).toBe('newer');
    expect(await next.notes.count()).toBe(0);
    expect(await next.people.count()).toBe(1);
    next.close();
    old.close();
  });

  it('blocked by an older page that holds on, says so until that page lets go', async () => {
    const { db: old, indexedDB } = freshClientDb('clyde-blocked');
    await old.open();
    const version = old.backendDB().version;
    old.close();
    // An older Clyde that does not step aside (as any page without a versionchange handler).
    const held = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('clyde-blocked', version);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const next = new NextClydeDB('clyde-blocked', indexedDB);
    const opening = next.open();
    await expect.poll(() => next.health.fault()).toBe('blocked');
    expect(storageFaultText('blocked')).toMatch(/waiting for an older Clyde/);
    held.close();
    await opening;
    expect(next.health.fault()).toBeUndefined();
    next.close();
  });
});

describe('a database newer than the code', () => {
  it('refuses to open, says why, and leaves the data as the newer code wrote it', async () => {
    const { indexedDB } = freshClientDb('clyde-newer');
    const next = new NextClydeDB('clyde-newer', indexedDB);
    await createPerson(next, { name: 'Ana Lima' });
    const nativeVersion = next.backendDB().version;
    next.close();

    const old = new ClydeDB('clyde-newer', { indexedDB, IDBKeyRange });
    const err = await rejection(createPerson(old, { name: 'Bo Chen' }));
    expect(storageFaultOf(err)).toBe('newer');
    expect(String((err as Error).message)).toMatch(/older than the data it found/);
    expect(old.health.fault()).toBe('newer');
    // Reads fail too: this code cannot tell what the newer rows mean.
    expect(storageFaultOf(await rejection(old.people.count()))).toBe('newer');
    old.close();

    const again = new NextClydeDB('clyde-newer', indexedDB);
    expect((await again.people.toArray()).map((p) => p.name)).toEqual(['Ana Lima']);
    expect(again.backendDB().version).toBe(nativeVersion);
    again.close();
  });
});
