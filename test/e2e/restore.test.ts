import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

describe('restoring a Clyde export', () => {
  it('brings back, from the file Settings saved, the people a wiped browser lost', async () => {
    const settings = await clyde.context.newPage();
    const options = `chrome-extension://${clyde.extensionId}/options.html`;
    await settings.goto(options);
    await settings
      .getByLabel('Contacts file (CSV or vCard)')
      .setInputFiles(resolve('src/storage/contacts/fixtures/2026-12-06-outlook-contacts.csv'));
    await settings.getByRole('status').filter({ hasText: 'Added 2 people.' }).waitFor();

    const saving = settings.waitForEvent('download');
    await settings.getByRole('button', { name: 'Export everything' }).click();
    const download = await saving;
    const file = await readFile((await download.path())!);

    // The wipe: the database deleted as "clear site data" would, then every page opened afresh.
    await settings.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.deleteDatabase('clyde');
          request.onsuccess = () => done();
          request.onerror = () => fail(request.error);
        }),
    );
    await settings.goto(options);
    const wiped = await openMail(clyde, fixture('gmail', 'thread-cc'));
    // The panel still names the correspondent from the email, but knows nothing Clyde kept.
    expect(await shownName(wiped.panel)).toBe('Bruno Costa');
    expect(await wiped.panel.getByTestId('note').filter({ hasText: 'Two 25 kg bags, never one 50 kg' }).count()).toBe(0);
    await wiped.page.close();

    await settings
      .getByLabel('Clyde export file (.json)')
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: file });
    // Everything comes back and nothing is "already the same": the wipe was real.
    const preview = settings.getByLabel('Restore preview');
    await preview.filter({ hasText: 'holds 2 people' }).waitFor();
    expect(await preview.textContent()).toMatch(/[1-9]\d* records will come back, 0 records will be updated\.(Restore|$)/);
    await settings.getByRole('button', { name: 'Restore', exact: true }).click();
    await settings
      .getByRole('status')
      .filter({ hasText: /^Restored from “clyde-export-.*\.json”: \d+ records brought back/ })
      .waitFor();
    await settings.close();

    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await panel.getByTestId('person-work').textContent()).toBe('Owner · Costa & Filhos Mills');
    await panel.getByTestId('note').filter({ hasText: 'Two 25 kg bags, never one 50 kg' }).waitFor();
    await page.close();
  });
});
