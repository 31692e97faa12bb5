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

const contactsFile = (name: string) => resolve('src/storage/contacts/fixtures', `2026-12-06-${name}`);

describe('importing contacts', () => {
  it('turns an address book chosen in Settings into people the panel knows from the first email', async () => {
    const settings = await clyde.context.newPage();
    await settings.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const input = settings.getByLabel('Contacts file (CSV or vCard)');

    // A file of another kind: a reason, and nothing imported.
    await input.setInputFiles({
      name: 'contacts.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\u0003\u0004'),
    });
    await settings.getByRole('alert').filter({ hasText: '“contacts.xlsx” is not a CSV or vCard (.vcf) file' }).waitFor();

    await input.setInputFiles(contactsFile('outlook-contacts.csv'));
    await settings.getByRole('status').filter({ hasText: 'Added 2 people.' }).waitFor();
    expect(await settings.getByRole('alert').count()).toBe(0);
    // The same file again adds no one twice.
    await input.setInputFiles(contactsFile('outlook-contacts.csv'));
    await settings.getByRole('status').filter({ hasText: 'Added 0 people. 2 contacts were already in Clyde.' }).waitFor();
    await settings.close();

    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    expect(await panel.getByTestId('person-work').textContent()).toBe('Owner · Costa & Filhos Mills');
    await panel.getByTestId('fact').filter({ hasText: 'phone: +351 933 333 333' }).waitFor();
    await panel.getByTestId('note').filter({ hasText: 'Two 25 kg bags, never one 50 kg' }).waitFor();
    await page.close();
  });
});
