// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { NeverLogSettings } from './NeverLogSettings';
import { testRoot, typeInto } from '../../../test/support/react-root';
import { emptySharedDb } from '../../../test/support/db';

afterEach(async () => {
  await emptySharedDb();
});
const dom = testRoot();

const entries = () => [...dom.container.querySelectorAll('[data-testid=never-log-entry]')].map((e) => e.textContent);
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 3000 });

describe('NeverLogSettings', () => {
  it('adds an address and a domain, explains a bad entry and keeps the text, and removes one', async () => {
    dom.render(<NeverLogSettings />);
    await waitFor(() => expect(dom.container.textContent).toContain('Nobody yet.'));
    const input = () => dom.container.querySelector<HTMLInputElement>('input')!;
    const add = () => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Add')!.click();

    typeInto(input(), 'not an address');
    add();
    await waitFor(() => expect(dom.container.querySelector('[role=alert]')?.textContent).toContain('is not an email address or a domain'));
    expect(input().value).toBe('not an address');

    typeInto(input(), 'Me@Home.example');
    add();
    await waitFor(() => expect(entries()).toEqual([expect.stringContaining('me@home.example')]));
    typeInto(input(), 'corp.example');
    add();
    await waitFor(() =>
      expect(entries()).toEqual([expect.stringContaining('Anyone at corp.example'), expect.stringContaining('me@home.example')]),
    );
    expect(dom.container.querySelector('[role=alert]')).toBeNull();

    dom.container.querySelector<HTMLButtonElement>('[aria-label="Remove corp.example from the never-log list"]')!.click();
    await waitFor(() => expect(entries()).toEqual([expect.stringContaining('me@home.example')]));
    expect(await db.neverLog.toArray()).toEqual([expect.objectContaining({ value: 'me@home.example', kind: 'email' })]);
  });
});
