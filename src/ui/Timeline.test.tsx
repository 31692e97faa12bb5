// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../test/support/db';
import { testRoot, typeInto } from '../../test/support/react-root';
import { injectQuotaFaults } from '../../test/support/storage-faults';
import { db } from '../storage/db';
import { addNote } from '../storage/records/notes';
import { createPerson } from '../storage/records/people';
import { Timeline } from './Timeline';

let faults: ReturnType<typeof injectQuotaFaults>;
let personId: string;
beforeEach(async () => {
  db.close();
  faults = injectQuotaFaults(db);
  await db.open();
  personId = (await createPerson(db, { name: 'Ana Lima' })).id;
  await addNote(db, personId, { body: 'Likes jazz' });
});
afterEach(async () => {
  faults.remove();
  await emptySharedDb();
});
const ui = testRoot();

describe('editing a note on a full disk', () => {
  it('keeps the edit open with the new text, says what to do, and saves it once there is room', async () => {
    ui.render(<Timeline personId={personId} />);
    const found = <T extends Element>(selector: string) =>
      vi.waitFor(() => {
        const el = ui.container.querySelector<T>(selector);
        if (!el) throw new Error(`no ${selector} yet`);
        return el;
      });
    (await found<HTMLButtonElement>('button[aria-label="Edit note"]')).click();
    const input = await found<HTMLInputElement>('input[aria-label="Edit note"]');
    typeInto(input, 'Likes jazz and bossa nova');
    faults.fill('put');
    const enter = () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    enter();
    await vi.waitFor(() => expect(ui.container.querySelector('[role=alert]')?.textContent).toContain('no storage space left for Clyde'));
    expect(input.isConnected).toBe(true);
    expect(input.value).toBe('Likes jazz and bossa nova');
    expect((await db.notes.toArray()).map((n) => n.body)).toEqual(['Likes jazz']);

    faults.free();
    enter();
    await vi.waitFor(() => expect(ui.container.querySelector('input[aria-label="Edit note"]')).toBeNull());
    expect((await db.notes.toArray()).map((n) => n.body)).toEqual(['Likes jazz and bossa nova']);
    expect(ui.container.textContent).toContain('Likes jazz and bossa nova');
  });
});
