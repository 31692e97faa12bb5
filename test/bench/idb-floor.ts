import type { Page } from 'playwright-core';

/**
 * tsx (the benches) wraps every named function it compiles, those inside `page.evaluate` too, in
 * a `__name` helper the page lacks; evaluated first, this string gives the page one.
 */
export const KEEP_NAMES = 'globalThis.__name ??= (f) => f';

/** A store of Clyde's database: its key path, its indexes and every row it holds. */
export interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  rows: unknown[];
}
type InPage = typeof globalThis & { dumpStores(tables: string[]): Promise<StoreDump[]> };

/**
 * The raw IndexedDB floor of a catch-up, measured in the same browser run: the rows the profile
 * of `page` holds in `tables` after it, read back, then put into a fresh database whose stores
 * have the same key paths and indexes, `perTransaction` rows a readwrite transaction (a pull
 * page), with no app logic at all. Only the puts are timed; the fresh database is deleted after.
 * `stores`: rows read earlier (`dumpStores`), from another profile, put here instead: the floor
 * then starts from an empty store as a joining device does, not beside what the join left.
 */
export async function rawPutFloor(
  page: Page,
  tables: string[],
  perTransaction: number,
  stores?: StoreDump[],
): Promise<{ ms: number; rows: number }> {
  await definePageHelpers(page);
  return page.evaluate(
    async ({ tables, perTransaction, stores }) => {
      const req = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      stores ??= await (globalThis as InPage).dumpStores(tables);
      const floorName = `floor-${crypto.randomUUID()}`;
      const open = indexedDB.open(floorName, 1);
      open.onupgradeneeded = () => {
        for (const s of stores!) {
          const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
          for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        }
      };
      const floor = await req(open);
      let count = 0;
      const start = performance.now();
      for (const { name, rows } of stores) {
        for (let i = 0; i < rows.length; i += perTransaction) {
          const tx = floor.transaction(name, 'readwrite');
          const store = tx.objectStore(name);
          for (const row of rows.slice(i, i + perTransaction)) store.put(row);
          await done(tx);
          count += Math.min(perTransaction, rows.length - i);
        }
      }
      const ms = performance.now() - start;
      floor.close();
      await req(indexedDB.deleteDatabase(floorName));
      return { ms, rows: count };
    },
    { tables, perTransaction, stores },
  );
}

/** The stores `tables` of Clyde's database in `page`'s profile, read whole, to put elsewhere (`rawPutFloor`). */
export async function dumpStores(page: Page, tables: string[]): Promise<StoreDump[]> {
  await definePageHelpers(page);
  return page.evaluate((tables) => (globalThis as InPage).dumpStores(tables), tables);
}

/** Gives the page `dumpStores`: the stores `tables` of Clyde's database in its profile, read whole. */
async function definePageHelpers(page: Page): Promise<void> {
  await page.evaluate(KEEP_NAMES);
  await page.evaluate(() => {
    (globalThis as InPage).dumpStores = async (tables) => {
      const req = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const source = await req(indexedDB.open('clyde'));
      const out: StoreDump[] = [];
      // A store this build lacks (an older build, for a before/after run) has nothing to floor.
      for (const name of tables.filter((name) => source.objectStoreNames.contains(name))) {
        const store = source.transaction(name).objectStore(name);
        const indexes = [...store.indexNames].map((i) => {
          const index = store.index(i);
          return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        });
        const rows = await req(source.transaction(name).objectStore(name).getAll());
        out.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows });
      }
      source.close();
      return out;
    };
  });
}
