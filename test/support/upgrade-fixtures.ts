import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseImage } from '../../scripts/upgrade-fixtures/idb-dump';

/**
 * The frozen releases under test/fixtures/upgrade (scripts/make-upgrade-fixtures.ts), and the way
 * back from a raw IndexedDB image to a database: what a browser that ran that release holds.
 */

const ROOT = 'test/fixtures/upgrade';

/** One folder per frozen release, oldest first; each later release must open all of them. */
export const frozenReleases = (): string[] =>
  readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

export const fixturePath = (release: string, file: string) => join(ROOT, release, file);

export const readFixtureJson = <T>(release: string, file: string): T => JSON.parse(readFileSync(fixturePath(release, file), 'utf8')) as T;

/** Inverse of the image's `encode`: the values JSON could not hold come back as they were. */
export function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('$type' in o) {
    if (o.$type === 'undefined') return undefined;
    if (o.$type === 'number') return Number(o.value);
    if (o.$type === 'Date') return new Date(String(o.value));
    throw new Error(`Unknown tag ${String(o.$type)} in an upgrade fixture.`);
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Builds the database of an image in `factory` at the image's version, with its stores, indexes,
 * records and key generators, using the IndexedDB API only, then closes it. Opening it
 * afterwards with today's code runs the real upgrade from that version.
 */
export async function restoreImage(factory: IDBFactory, image: DatabaseImage): Promise<void> {
  const open = factory.open(image.name, image.version);
  open.onupgradeneeded = () => {
    const idb = open.result;
    for (const s of image.stores) {
      const store = idb.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const idb = await request(open);
  try {
    const tx = idb.transaction(
      image.stores.map((s) => s.name),
      'readwrite',
    );
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    for (const s of image.stores) {
      const store = tx.objectStore(s.name);
      for (const { key, value } of s.records) store.put(decode(value), s.keyPath === null ? (decode(key) as IDBValidKey) : undefined);
      // Keys written explicitly move the generator past the highest; one it gave out and whose
      // record is gone since (a drained outbox) is written and removed again to move it there.
      const highest = Math.max(0, ...s.records.map((r) => (typeof r.key === 'number' ? r.key : 0)));
      if (s.nextKey !== undefined && s.nextKey - 1 > highest) {
        const probe = s.nextKey - 1;
        store.put(s.keyPath === null ? {} : { [s.keyPath as string]: probe }, s.keyPath === null ? probe : undefined);
        store.delete(probe);
      }
    }
    await done;
  } finally {
    idb.close();
  }
}
