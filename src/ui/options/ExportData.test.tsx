// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testRoot } from '../../../test/support/react-root';
import { db } from '../../storage/db';
import { addIdentity } from '../../storage/records/identity';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { createOpportunity } from '../../opportunities/opportunities';
import { ExportData } from './ExportData';
import { emptySharedDb } from '../../../test/support/db';

let blobs: Blob[];
let downloads: string[];
beforeEach(() => {
  blobs = [];
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:clyde-export'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await emptySharedDb();
});
const dom = testRoot();

const button = (label = 'Export everything') => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === label)!;

describe('Settings → Your data', () => {
  it('saves everything as one dated JSON file and says what it holds', async () => {
    const person = await createPerson(db, { name: 'Ana Lima' });
    await addNote(db, person.id, { body: 'Private: wants the grain in two bags' });
    dom.render(<ExportData />);
    await vi.waitFor(() => expect(button()).toBeTruthy());
    button().click();
    await vi.waitFor(() =>
      expect(dom.container.querySelector('[role=status]')?.textContent).toBe('Saved 1 person, 1 note, 0 facts and 0 tasks.'),
    );
    expect(downloads).toEqual([expect.stringMatching(/^clyde-export-\d{4}-\d{2}-\d{2}\.json$/)]);
    const file = JSON.parse(await blobs[0]!.text());
    expect(file.notes[0].body).toBe('Private: wants the grain in two bags');
  });

  it('saves the people as an address book, vCard or CSV', async () => {
    const person = await createPerson(db, { name: 'Ana Lima', company: 'Costa & Filhos Mills' });
    await addIdentity(db, person.id, 'email', 'ana.lima@example.com');
    dom.render(<ExportData />);
    await vi.waitFor(() => expect(button('Contacts as vCard')).toBeTruthy());
    button('Contacts as vCard').click();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=status]')?.textContent).toBe('Saved 1 contact.'));
    button('Contacts as CSV').click();
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads).toEqual([
      expect.stringMatching(/^clyde-contacts-\d{4}-\d{2}-\d{2}\.vcf$/),
      expect.stringMatching(/^clyde-contacts-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    const [vcard, csv] = await Promise.all(blobs.map((b) => b.text()));
    expect(vcard).toContain('FN:Ana Lima');
    expect(vcard).toContain('EMAIL:ana.lima@example.com');
    expect(csv!.split('\r\n')[1]).toBe('Ana Lima,ana.lima@example.com,Costa & Filhos Mills,,,');
  });

  it('saves the opportunities as a spreadsheet', async () => {
    const person = await createPerson(db, { name: 'Ana Lima' });
    await createOpportunity(db, { title: '=HYPERLINK("x")', personIds: [person.id], value: 1200, currency: 'EUR' });
    dom.render(<ExportData />);
    await vi.waitFor(() => expect(button('Opportunities as CSV')).toBeTruthy());
    button('Opportunities as CSV').click();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=status]')?.textContent).toBe('Saved 1 opportunity.'));
    expect(downloads).toEqual([expect.stringMatching(/^clyde-opportunities-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const row = (await blobs[0]!.text()).split('\r\n')[1];
    expect(row).toMatch(/^"'=HYPERLINK\(""x""\)",,Ana Lima,Lead,1200,EUR,/);
  });

  it('says why when the store cannot be read, and saves nothing', async () => {
    db.close();
    dom.render(<ExportData />);
    await vi.waitFor(() => expect(button()).toBeTruthy());
    button().click();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=alert]')?.textContent).toBeTruthy());
    expect(downloads).toEqual([]);
  });
});
