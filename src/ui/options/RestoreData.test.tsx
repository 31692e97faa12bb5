// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { exportAll } from '../../storage/contacts/export-all';
import { db } from '../../storage/db';
import { addIdentity } from '../../storage/records/identity';
import { addNote } from '../../storage/records/notes';
import { createPerson, updatePerson } from '../../storage/records/people';
import type { RestoreReport } from '../../storage/restore/restore';
import { RestoreData } from './RestoreData';
import { fileContents, restoreEffect } from './restore-summary';

afterEach(emptySharedDb);
const dom = testRoot();

const status = () => dom.container.querySelector('[role=status]')?.textContent;
const alert = () => dom.container.querySelector('[role=alert]')?.textContent;
const preview = () => dom.container.querySelector('[aria-label="Restore preview"]')?.textContent;
const button = (label: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === label)!;

/** Picks a file in the page's file input, as the browser's file chooser does. */
async function choose(text: string, name = 'clyde-export-2026-12-06.json') {
  const input = await vi.waitFor(() => {
    const found = dom.container.querySelector<HTMLInputElement>('input[type=file]:not(:disabled)');
    if (!found) throw new Error('The file input is not there yet.');
    return found;
  });
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A saved export of Ana (one address, two notes), then a browser with nothing in it. */
async function savedThenWiped() {
  const ana = await createPerson(db, { name: 'Ana Lima' });
  await addIdentity(db, ana.id, 'email', 'ana.lima@example.com');
  await addNote(db, ana.id, { body: 'Wants the grain in two bags' });
  await addNote(db, ana.id, { body: 'Called about Tuesday' });
  const text = JSON.stringify(await exportAll(db, new Date('2026-12-06T09:00:00Z')));
  await emptySharedDb();
  return { ana, text };
}

describe('Settings → Restore from a Clyde export', () => {
  it('previews what the file holds, then restores it all', async () => {
    const { ana, text } = await savedThenWiped();
    dom.render(<RestoreData />);
    await choose(text);
    await vi.waitFor(() =>
      expect(preview()).toContain('“clyde-export-2026-12-06.json”, exported 2026-12-06, holds 1 person, 1 address and 2 notes.'),
    );
    expect(preview()).toContain('4 records will come back, 0 records will be updated.');
    expect(await db.people.count()).toBe(0);

    button('Restore').click();
    await vi.waitFor(() =>
      expect(status()).toBe('Restored from “clyde-export-2026-12-06.json”: 4 records brought back, 0 records updated.'),
    );
    expect(preview()).toBeUndefined();
    expect(await db.people.get(ana.id)).toMatchObject({ name: 'Ana Lima', clocks: ana.clocks });
    expect(await db.notes.count()).toBe(2);
  });

  it('says which records newer here are kept', async () => {
    const { ana, text } = await savedThenWiped();
    dom.render(<RestoreData />);
    await choose(text);
    await vi.waitFor(() => expect(preview()).toBeTruthy());
    button('Restore').click();
    await vi.waitFor(() => expect(status()).toMatch(/^Restored/));
    await updatePerson(db, ana.id, { name: 'Ana Lima Costa' });

    await choose(text);
    await vi.waitFor(() =>
      expect(preview()).toContain(
        '0 records will come back, 0 records will be updated. 1 record newer here is kept. 3 records already the same.',
      ),
    );
    button('Restore').click();
    await vi.waitFor(() => expect(status()).toMatch(/1 record newer here was kept/));
    expect((await db.people.get(ana.id))?.name).toBe('Ana Lima Costa');
  });

  it('changes nothing when the user cancels', async () => {
    const { text } = await savedThenWiped();
    dom.render(<RestoreData />);
    await choose(text);
    await vi.waitFor(() => expect(preview()).toBeTruthy());
    button('Cancel').click();
    await vi.waitFor(() => expect(preview()).toBeUndefined());
    expect(await db.people.count()).toBe(0);
  });

  it('says in plain words why a file cannot be restored, and restores nothing', async () => {
    const { text } = await savedThenWiped();
    dom.render(<RestoreData />);
    await choose('Name,Email\nAna,ana@example.com', 'contacts.csv');
    await vi.waitFor(() => expect(alert()).toMatch(/^This file is not a Clyde export: it is not JSON/));
    const damaged = JSON.parse(text);
    damaged.notes[1].occurredAt = 'last Tuesday';
    await choose(JSON.stringify(damaged));
    await vi.waitFor(() => expect(alert()).toMatch(/notes entry 2 is not valid \(occurredAt: .+\); nothing was restored/));
    expect(preview()).toBeUndefined();
    expect([await db.people.count(), await db.notes.count()]).toEqual([0, 0]);
  });

  it('counts in thousands the way people read them', () => {
    const counts = (n: number) => ({ new: n, update: 0, kept: 0, same: 0, notYours: 0 });
    const report: RestoreReport = {
      records: {
        people: counts(1204),
        identities: counts(0),
        notes: counts(5330),
        preferences: counts(0),
        tasks: counts(1),
        companies: counts(0),
        stages: counts(0),
        opportunities: counts(0),
      },
      personal: 0,
      rejected: 0,
    };
    report.records.people.kept = 12;
    expect(fileContents(report)).toBe('1,216 people, 5,330 notes and 1 task');
    expect(restoreEffect(report, false)).toBe('6,535 records will come back, 0 records will be updated. 12 records newer here are kept.');
  });
});
