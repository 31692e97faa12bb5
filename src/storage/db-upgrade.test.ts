import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseImage } from '../../scripts/upgrade-fixtures/idb-dump';
import { decode, frozenReleases, readFixtureJson, restoreImage } from '../../test/support/upgrade-fixtures';
import { ClydeDB } from './db';
import { writeRecord } from './records/write';

/**
 * A browser that ran a frozen release holds exactly the image of its database (committed by
 * scripts/make-upgrade-fixtures.ts). Today's code opens it, upgrades it, and must find every
 * record of every store where it was, unchanged, and the new tables and indexes working.
 */
describe.each(frozenReleases())('the extension database of %s, opened by today’s code', (release) => {
  const image = readFixtureJson<DatabaseImage>(release, 'extension-db.json');
  const storeOf = (name: string) => image.stores.find((s) => s.name === name)!;
  let db: ClydeDB;
  beforeEach(async () => {
    const indexedDB = new IDBFactory();
    await restoreImage(indexedDB, image);
    db = new ClydeDB(image.name, { indexedDB, IDBKeyRange });
    await db.open();
  });
  afterEach(() => db.close());

  it('holds what the release wrote: pending, kept, refused, merged and local-only rows', () => {
    expect(image.version).toBeLessThanOrEqual(db.verno * 10);
    for (const name of [
      'people',
      'identities',
      'notes',
      'preferences',
      'tasks',
      'outbox',
      'srv',
      'rejected',
      'merges',
      'neverLog',
      'summaries',
      'personal',
      'words',
      'meta',
    ]) {
      expect(storeOf(name).records.length, name).toBeGreaterThan(0);
    }
  });

  it.each(image.stores.map((s) => s.name))('finds every %s record under its key, unchanged', async (name) => {
    const { records } = storeOf(name);
    const table = db.table(name);
    expect(await table.count()).toBe(records.length);
    expect(await table.toCollection().primaryKeys()).toStrictEqual(records.map((r) => decode(r.key)));
    expect(await table.toArray()).toStrictEqual(records.map((r) => decode(r.value)));
  });

  it('keeps every index of the release', async () => {
    for (const s of image.stores) {
      const schema = db.table(s.name).schema;
      const kept = schema.indexes.map((i) => ({ name: i.name, multiEntry: Boolean(i.multi), unique: Boolean(i.unique) }));
      for (const i of s.indexes)
        expect(kept, `${s.name}.${i.name}`).toContainEqual({ name: i.name, multiEntry: i.multiEntry, unique: i.unique });
      // Every record is reachable through each index it has a key for, e.g. Home's summaries.
      for (const i of s.indexes.filter((x) => !x.multiEntry)) {
        const indexed = await db.table(s.name).orderBy(i.name).primaryKeys();
        const expected = s.records.filter((r) => hasKey(decode(r.value), i.keyPath)).length;
        expect(new Set(indexed.map((k) => JSON.stringify(k))).size, `${s.name}.${i.name}`).toBe(expected);
      }
    }
  });

  it('starts the tables the release did not have empty, and the new indexes answer for its records', async () => {
    for (const t of db.tables.filter((t) => !image.stores.some((s) => s.name === t.name))) expect(await t.count(), t.name).toBe(0);
    const person = storeOf('people').records[0]!.key as string;
    const task = storeOf('tasks').records[0]!.key as string;
    expect(await db.people.where('companyId').equals('co-upgrade-test').count()).toBe(0);
    await writeRecord(db, 'companies', 'co-upgrade-test', { name: 'Acme' }, { create: true });
    await writeRecord(db, 'people', person, { companyId: 'co-upgrade-test' });
    await writeRecord(db, 'tasks', task, { opportunityId: 'opp-upgrade-test' });
    expect(await db.people.where('companyId').equals('co-upgrade-test').primaryKeys()).toEqual([person]);
    expect(await db.tasks.where('opportunityId').equals('opp-upgrade-test').primaryKeys()).toEqual([task]);
  });

  it('numbers the next edit after every op the release ever queued', async () => {
    const outbox = storeOf('outbox');
    const person = storeOf('people').records[0]!.key as string;
    await writeRecord(db, 'people', person, { headline: 'after the upgrade' });
    expect((await db.outbox.orderBy('clientSeq').last())?.clientSeq).toBe(outbox.nextKey);
  });
});

function hasKey(value: unknown, keyPath: string | string[]): boolean {
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  return paths.every((p) => {
    const v = (value as Record<string, unknown>)[p];
    return typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v)) || v instanceof Date || Array.isArray(v);
  });
}
