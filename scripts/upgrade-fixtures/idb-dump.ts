/**
 * A raw, faithful JSON image of an IndexedDB database: its version, every object store with its
 * key path, key generator and indexes, and every record with its key. Written from the IndexedDB
 * API itself, not through Dexie, so the image says what the browser holds whatever the code of
 * the day thinks the schema is. JSON cannot hold every value IndexedDB can (undefined, NaN,
 * ±Infinity, -0, Date), so those are written as `{"$type": …}` objects; anything else JSON
 * cannot hold stops the dump rather than being written wrongly.
 */

interface IndexImage {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

interface StoreImage {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  /** The key the store's generator would give next (autoIncrement stores only). */
  nextKey?: number;
  indexes: IndexImage[];
  records: { key: unknown; value: unknown }[];
}

export interface DatabaseImage {
  name: string;
  /** The raw IndexedDB version (Dexie's version × 10). */
  version: number;
  stores: StoreImage[];
}

const TAG = '$type';

function encode(v: unknown): unknown {
  if (v === undefined) return { [TAG]: 'undefined' };
  if (typeof v === 'number') {
    if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) return { [TAG]: 'number', value: String(v === 0 ? '-0' : v) };
    return v;
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return { [TAG]: 'Date', value: v.toISOString() };
  if (Array.isArray(v)) return v.map(encode);
  if (Object.getPrototypeOf(v) === Object.prototype) {
    if (TAG in (v as object)) throw new Error(`A record holds a "${TAG}" field; the image format cannot tell it from a tag.`);
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, encode(x)]));
  }
  throw new Error(`Cannot write ${Object.prototype.toString.call(v)} to the image faithfully.`);
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Reads the whole database, then probes each key generator with an add it rolls back: an outbox
 * that was emptied by sync still has its generator past every key it gave out, and an upgrade
 * must keep that.
 */
export async function dumpDatabase(factory: IDBFactory, name: string): Promise<DatabaseImage> {
  const idb = await request(factory.open(name));
  try {
    const names = Array.from(idb.objectStoreNames).sort();
    const read = idb.transaction(names, 'readonly');
    const stores: StoreImage[] = [];
    for (const storeName of names) {
      const store = read.objectStore(storeName);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      stores.push({
        name: storeName,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: Array.from(store.indexNames)
          .sort()
          .map((i) => {
            const index = store.index(i);
            return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          }),
        records: keys.map((key, i) => ({ key: encode(key), value: encode(values[i]) })),
      });
    }
    for (const image of stores.filter((s) => s.autoIncrement)) image.nextKey = await probeNextKey(idb, image.name);
    return { name, version: idb.version, stores };
  } finally {
    idb.close();
  }
}

async function probeNextKey(idb: IDBDatabase, storeName: string): Promise<number> {
  const tx = idb.transaction(storeName, 'readwrite');
  const key = await request(tx.objectStore(storeName).add({ probe: true }));
  const done = new Promise<void>((resolve) => (tx.onabort = () => resolve()));
  tx.abort();
  await done;
  if (typeof key !== 'number') throw new Error(`${storeName}: a key generator gave ${String(key)}`);
  return key;
}
