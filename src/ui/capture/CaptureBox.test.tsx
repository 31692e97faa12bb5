// @vitest-environment happy-dom
// Rendered without act(): the box updates from liveQuery and React state, so the test waits for what shows.
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { createPerson } from '../../storage/records/people';
import { rememberFor } from '../../storage/records/preferences';
import { openTasksFor } from '../../storage/records/tasks';
import { CaptureBox } from './CaptureBox';
import { typeInto } from '../../../test/support/react-root';
import { emptySharedDb } from '../../../test/support/db';
import { injectQuotaFaults } from '../../../test/support/storage-faults';

let root: Root;
let container: HTMLElement;
let personId: string;

beforeEach(async () => {
  personId = (await createPerson(db, { name: 'Ana Lima' })).id;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(<CaptureBox personId={personId} />);
  await vi.waitFor(() => expect(box()).toBeTruthy());
});
afterEach(async () => {
  root.unmount();
  container.remove();
  sessionStorage.clear();
  await emptySharedDb();
});

const box = () => container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Quick capture"]')!;
const chip = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith(name))!;
const preview = () => container.querySelector('[data-testid=capture-preview]')!.textContent;

/** Sets the textarea's value the way React notices (its value tracker). */
const typeText = (value: string) => typeInto(box(), value);
const press = (init: KeyboardEventInit) => box().dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

describe('the capture box', () => {
  it('shows each tag’s shortcut on its chip and toggles the tag with Alt+letter while typing', async () => {
    expect(chip('preference').title).toBe('Tag as preference (Alt+P)');
    expect(chip('preference').textContent).toContain('Alt+P');
    typeText('order: grain in two bags');
    press({ key: 'p', code: 'KeyP', altKey: true });
    await vi.waitFor(() => expect(chip('preference').getAttribute('aria-pressed')).toBe('true'));
    expect(preview()).toBe('Remember: order → grain in two bags');
    press({ key: 'p', code: 'KeyP', altKey: true });
    await vi.waitFor(() => expect(chip('preference').getAttribute('aria-pressed')).toBe('false'));
    press({ key: 'r', code: 'KeyR', altKey: true });
    press({ key: 'Escape', code: 'Escape' });
    await vi.waitFor(() => expect(chip('promise').getAttribute('aria-pressed')).toBe('false'));
  });

  it('saves on Enter (not Shift+Enter), then clears the text and the tag', async () => {
    typeText('Send the price list in 2 weeks');
    press({ key: 'r', code: 'KeyR', altKey: true });
    await vi.waitFor(() => expect(preview()).toMatch(/^Task, due /));
    expect(press({ key: 'Enter', shiftKey: true })).toBe(true); // not cancelled: the textarea adds a line
    press({ key: 'Enter' });
    await vi.waitFor(async () =>
      expect((await openTasksFor(db, personId)).map((t) => t.title)).toEqual(['Send the price list in 2 weeks']),
    );
    await vi.waitFor(() => expect(box().value).toBe(''));
    expect(chip('promise').getAttribute('aria-pressed')).toBe('false');
    expect(preview()).toMatch(/^Task added, due /);
  });

  it('keeps the text and says why when a save is refused', async () => {
    typeText('x'.repeat(2_001));
    press({ key: 'p', code: 'KeyP', altKey: true });
    await vi.waitFor(() => expect(preview()).toContain('holds at most 2,000 characters'));
    press({ key: 'Enter' });
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toContain('Nothing was saved'));
    expect(box().value).toHaveLength(2_001);
    expect(await rememberFor(db, personId)).toEqual([]);
  });
});

describe('the capture box on a full disk', () => {
  let faults: ReturnType<typeof injectQuotaFaults>;
  beforeEach(async () => {
    // Middlewares take effect when the database opens.
    db.close();
    faults = injectQuotaFaults(db);
    await db.open();
  });
  // Removed before the shared afterEach empties and reopens the database without it.
  afterEach(() => faults.remove());

  const alert = () => container.querySelector('[role=alert]')?.textContent;

  it('keeps the text, says what to do, and saves it once there is room', async () => {
    faults.fill('commit');
    typeText('Prefers calls after 4pm');
    press({ key: 'Enter' });
    await vi.waitFor(() => expect(alert()).toContain('no storage space left for Clyde'));
    expect(alert()).toContain('Anything you typed is still here. Free up disk space');
    expect(faults.refused()).toBeGreaterThan(0);
    expect(box().value).toBe('Prefers calls after 4pm');
    expect(await db.notes.count()).toBe(0);

    faults.free();
    press({ key: 'Enter' });
    await vi.waitFor(() => expect(box().value).toBe(''));
    expect((await db.notes.toArray()).map((n) => n.body)).toEqual(['Prefers calls after 4pm']);
    expect(alert()).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });

  it('gives the unsaved text back after the panel reloads', async () => {
    faults.fill();
    typeText('Met at the Lisbon fair');
    press({ key: 'Enter' });
    await vi.waitFor(() => expect(alert()).toContain('no storage space left'));
    root.unmount();
    root = createRoot(container);
    root.render(<CaptureBox personId={personId} />);
    await vi.waitFor(() => expect(box().value).toBe('Met at the Lisbon fair'));
  });
});
