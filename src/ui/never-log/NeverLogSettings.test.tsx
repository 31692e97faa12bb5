// @vitest-environment happy-dom
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClydeDB } from '../../storage/db';
import { NeverLogSettings } from './NeverLogSettings';

let db: ClydeDB;
let root: Root;
let container: HTMLElement;
beforeEach(() => {
  db = new ClydeDB(`test-${crypto.randomUUID()}`);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  root.unmount();
  container.remove();
  await db.delete();
});

function type(el: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const entries = () => [...container.querySelectorAll('[data-testid=never-log-entry]')].map((e) => e.textContent);
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 3000 });

describe('NeverLogSettings', () => {
  it('adds an address and a domain, explains a bad entry and keeps the text, and removes one', async () => {
    root.render(<NeverLogSettings db={db} />);
    await waitFor(() => expect(container.textContent).toContain('Nobody yet.'));
    const input = () => container.querySelector<HTMLInputElement>('input')!;
    const add = () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Add')!.click();

    type(input(), 'not an address');
    add();
    await waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toContain('is not an email address or a domain'));
    expect(input().value).toBe('not an address');

    type(input(), 'Me@Home.example');
    add();
    await waitFor(() => expect(entries()).toEqual([expect.stringContaining('me@home.example')]));
    type(input(), 'corp.example');
    add();
    await waitFor(() => expect(entries()).toEqual([expect.stringContaining('Anyone at corp.example'), expect.stringContaining('me@home.example')]));
    expect(container.querySelector('[role=alert]')).toBeNull();

    container.querySelector<HTMLButtonElement>('[aria-label="Remove corp.example from the never-log list"]')!.click();
    await waitFor(() => expect(entries()).toEqual([expect.stringContaining('me@home.example')]));
    expect(await db.neverLog.toArray()).toEqual([expect.objectContaining({ value: 'me@home.example', kind: 'email' })]);
  });
});
