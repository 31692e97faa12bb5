// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { db } from '../../storage/db';
import { ImportContacts } from './ImportContacts';

afterEach(() => emptySharedDb());
const dom = testRoot();

/** An address book of `n` customers as Google Contacts writes it. */
const addressBook = (n: number) =>
  new File(
    [['Name,E-mail 1 - Value', ...Array.from({ length: n }, (_, i) => `Customer ${i},customer${i}@example.com`)].join('\n')],
    'contacts.csv',
    { type: 'text/csv' },
  );

function choose(file: File) {
  const input = dom.container.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const status = () => [...dom.container.querySelectorAll('[role=status]')].map((s) => s.textContent).join(' | ');

describe('Settings → Import contacts, while it runs', () => {
  it('counts the contacts, and Cancel adds no one and says so', async () => {
    dom.render(<ImportContacts />);
    await vi.waitFor(() => expect(dom.container.querySelector('input[type=file]')).toBeTruthy());
    choose(addressBook(300));
    await vi.waitFor(() => expect(status()).toMatch(/^Importing \d+ of 300 contacts…$/));
    expect(dom.container.querySelector('input[type=file]')?.hasAttribute('disabled')).toBe(true);
    [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await vi.waitFor(() => expect(status()).toBe('Import cancelled; nothing was added.'), { timeout: 20_000 });
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(dom.container.querySelector('input[type=file]')?.hasAttribute('disabled')).toBe(false);
  }, 30_000);

  it('ends with what it added once every contact is in', async () => {
    dom.render(<ImportContacts />);
    await vi.waitFor(() => expect(dom.container.querySelector('input[type=file]')).toBeTruthy());
    choose(addressBook(3));
    await vi.waitFor(() => expect(status()).toBe('Added 3 people.'), { timeout: 20_000 });
    expect(await db.people.count()).toBe(3);
  }, 30_000);
});
