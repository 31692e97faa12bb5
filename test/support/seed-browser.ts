import type { BrowserContext, Page } from 'playwright-core';
import type { PersonalRow } from '../../src/storage/summaries/personal';
import { SEED_OWNER, summariesOf, type Seed } from './records';

/**
 * Writes records straight into the extension's IndexedDB from one of its own pages. The panel
 * page opens the database on start, so Dexie has created the schema by the time we write. The
 * write path's Home summaries come along (and `personal`, the user's own rhythms and stars), so
 * Home reads seeded people as it reads people the app wrote.
 */
export async function seedExtension(
  context: BrowserContext,
  extensionId: string,
  records: Seed,
  personal: PersonalRow[] = [],
  { asOwner = false }: { asOwner?: boolean } = {},
): Promise<void> {
  // `asOwner`: this browser's user is the seed's owner, so the records read as the user's own
  // (a demo), not as a teammate's shared ones.
  const meta = asOwner ? [{ key: 'device', value: { clientId: crypto.randomUUID(), userId: SEED_OWNER } }] : [];
  const seed = { ...records, personal, summaries: summariesOf(records, personal), meta };
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/panel.html`);
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'clyde'));
  for (const [table, rows] of Object.entries(seed)) {
    for (let i = 0; i < rows.length; i += 20_000) {
      await page.evaluate(
        ({ table, rows }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('clyde');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(table, 'readwrite');
              const store = tx.objectStore(table);
              for (const row of rows) store.put(row);
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        { table, rows: rows.slice(i, i + 20_000) },
      );
    }
  }
  await page.close();
}

/** How many rows one table of Clyde's database holds, read raw from an extension page (`page`). */
export function countInExtension(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (table) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(table).objectStore(table).count();
          count.onsuccess = () => (open.result.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      }),
    table,
  );
}

/** The row with this key in one table of Clyde's database, read raw from an extension page (`page`). */
export function rowInExtension(page: Page, table: string, key: string): Promise<unknown> {
  return page.evaluate(
    ({ table, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('clyde');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(table).objectStore(table).get(key);
          get.onsuccess = () => (open.result.close(), resolve(get.result));
          get.onerror = () => reject(get.error);
        };
      }),
    { table, key },
  );
}
