// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { createCompany } from '../../companies/companies';
import { linkPerson } from '../../companies/link-person';
import { db } from '../../storage/db';
import { createPerson } from '../../storage/records/people';
import { MergeCompany } from './MergeCompany';

afterEach(() => emptySharedDb());
const dom = testRoot();
const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text);

describe('merging two records of one company', () => {
  it('asks which one, merges on the named button, and offers the undo, which puts the people back', async () => {
    const acme = await createCompany(db, { name: 'Acme' });
    const dup = await createCompany(db, { name: 'ACME Ltd' });
    const ana = await createPerson(db, { name: 'Ana Lima' });
    await linkPerson(db, ana.id, dup.id);
    dom.render(<MergeCompany company={acme} />);
    await vi.waitFor(() => expect(button('Merge with…')).toBeTruthy());
    button('Merge with…')!.click();
    const select = await vi.waitFor(() => {
      const found = dom.container.querySelector('select');
      expect(found).not.toBeNull();
      return found!;
    });
    // Nothing happens until the user picks a company and presses the button that names both.
    expect(button('Merge ACME Ltd into Acme')).toBeUndefined();
    select.value = dup.id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(button('Merge ACME Ltd into Acme')).toBeTruthy());
    button('Merge ACME Ltd into Acme')!.click();
    await vi.waitFor(async () => expect((await db.people.get(ana.id))?.companyId).toBe(acme.id));
    await vi.waitFor(() =>
      expect(dom.container.querySelector('[role=status]')?.textContent).toContain('Merged ACME Ltd into this company.'),
    );
    button('Undo merge')!.click();
    await vi.waitFor(async () => expect((await db.people.get(ana.id))?.companyId).toBe(dup.id));
    expect((await db.companies.get(dup.id))?.mergedInto ?? null).toBeNull();
  });
});
