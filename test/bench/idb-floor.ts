import type { Page } from 'playwright-core';

/**
 * tsx (the benches) wraps every named function it compiles, those inside `page.evaluate` too, in
 * a `__name` helper the page lacks; evaluated first, this string gives the page one.
 */
export const KEEP_NAMES = 'globalThis.__name ??= (f) => f';

/**
 * The raw IndexedDB floor of a catch-up, measured in the same browser run: the rows the profile
 * holds in `tables` after it, read back, then put into a fresh database whose stores have the
 * same key paths and indexes, `perTransaction` rows a readwrite transaction (a pull page), with
 * no app logic at all. Only the puts are timed. The fresh database is deleted afterwards.
 */
export async function rawPutFloor(page: Page, tables: string[], perTransaction: number): Promise<{ ms: number; rows: number }> {
  await page.evaluate(KEEP_NAMES);
  return page.evaluate(
    async ({ tables, perTransaction }) => {
      const req = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      const source = await req(indexedDB.open('clyde'));
      // A store this build lacks (an older build, for a before/after run) has nothing to floor.
      const shapes = tables
        .filter((name) => source.objectStoreNames.contains(name))
        .map((name) => {
          const store = source.transaction(name).objectStore(name);
          const indexes = [...store.indexNames].map((i) => {
            const index = store.index(i);
            return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          });
          return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
        });
      const rows: [string, unknown[]][] = [];
      for (const { name } of shapes) rows.push([name, await req(source.transaction(name).objectStore(name).getAll())]);
      source.close();

      const floorName = `floor-${crypto.randomUUID()}`;
      const open = indexedDB.open(floorName, 1);
      open.onupgradeneeded = () => {
        for (const s of shapes) {
          const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
          for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        }
      };
      const floor = await req(open);
      let count = 0;
      const start = performance.now();
      for (const [name, list] of rows) {
        for (let i = 0; i < list.length; i += perTransaction) {
          const tx = floor.transaction(name, 'readwrite');
          const store = tx.objectStore(name);
          for (const row of list.slice(i, i + perTransaction)) store.put(row);
          await done(tx);
          count += Math.min(perTransaction, list.length - i);
        }
      }
      const ms = performance.now() - start;
      floor.close();
      await req(indexedDB.deleteDatabase(floorName));
      return { ms, rows: count };
    },
    { tables, perTransaction },
  );
}
