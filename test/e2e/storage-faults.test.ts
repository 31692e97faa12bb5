import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

describe('storage faults in Chromium', () => {
  it('Settings says whether the browser keeps Clyde’s data for good', async () => {
    const settings = await clyde.context.newPage();
    await settings.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const says = settings.getByTestId('persistence');
    await says.waitFor();
    // Chromium decides by its own rules; whichever it answered, Settings says it in words.
    const granted = await settings.evaluate(() => navigator.storage.persisted());
    expect(await says.textContent()).toMatch(
      granted ? /^Kept for good/ : /^Not promised: the browser did not grant Clyde persistent storage/,
    );
    expect(await settings.getByText(/^Clyde takes .* of the .* this browser lets it use\.$/).count()).toBe(1);
    await settings.close();
  });

  it('a page holding the database when a newer Clyde opens it asks for a reload, and after it writes nothing', async () => {
    const old = await clyde.context.newPage();
    await old.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await old.getByRole('heading', { name: 'Storage' }).waitFor();
    const version = async () => old.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'clyde')?.version ?? 0);
    await expect.poll(version).toBeGreaterThan(0);
    const installed = await version();

    // A newer Clyde in another extension page: the same database, one schema version up.
    const newer = await clyde.context.newPage();
    await newer.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await newer.evaluate(
      (to) =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.open('clyde', to);
          request.onupgradeneeded = () => request.result.createObjectStore('later', { keyPath: 'id' });
          request.onsuccess = () => (request.result.close(), done());
          request.onerror = () => fail(request.error);
          request.onblocked = () => fail(new Error('blocked: an older Clyde page did not let go'));
        }),
      installed + 10,
    );

    const notice = old.getByTestId('storage-notice');
    await notice.filter({ hasText: 'Clyde was updated in another window. Reload this page' }).waitFor();
    // The newer page's own notice: it runs this build too, so to it the database is newer now. Which
    // words it shows depends on whether its own connection opened before the upgrade (then it was
    // upgraded away: "updated in another window") or after (then it found the newer data): both
    // say this page is older than the data, and both stop its writes.
    await newer
      .getByTestId('storage-notice')
      .filter({ hasText: /older Clyde than the data|Clyde was updated in another window/ })
      .waitFor();

    await old.getByRole('button', { name: 'Reload' }).click();
    await old.getByTestId('storage-notice').filter({ hasText: 'older Clyde than the data on this computer' }).waitFor();
    // A write from this page is refused with the reason, and the database stays as the newer code left it.
    await old.getByLabel('Address or domain to never log').fill('spam.example');
    await old.getByRole('button', { name: 'Add', exact: true }).click();
    await old.getByRole('alert').filter({ hasText: 'Not saved: Clyde was updated in another window' }).waitFor();
    const after = await old.evaluate(async () => {
      const request = indexedDB.open('clyde');
      const db = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
      const read = db.transaction('neverLog').objectStore('neverLog').getAllKeys();
      const keys = await new Promise<IDBValidKey[]>((done) => (read.onsuccess = () => done(read.result)));
      const found = { version: db.version, stores: [...db.objectStoreNames], neverLog: keys };
      db.close();
      return found;
    });
    expect(after.version).toBe(installed + 10);
    expect(after.stores).toContain('later');
    expect(after.neverLog).toEqual([]);
    await old.close();
    await newer.close();
  });
});
