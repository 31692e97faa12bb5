// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { KeepInTouch } from './KeepInTouch';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot, typeInto } from '../../../test/support/react-root';

const DAY = 86_400_000;
let personId: string;

beforeEach(async () => {
  personId = (await createPerson(db, { name: 'Ana Lima' })).id;
});
afterEach(() => emptySharedDb());
const dom = testRoot();

const select = () => dom.container.querySelector<HTMLSelectElement>('[data-testid=rhythm]')!;
const note = () => dom.container.querySelector('[data-testid=rhythm-note]')!.textContent;
const pick = (value: string) => {
  select().value = value;
  select().dispatchEvent(new Event('change', { bubbles: true }));
};
const personal = () => db.personal.get(personId);

describe('keep in touch', () => {
  it('says what it learned, and from how much, while no rhythm is chosen', async () => {
    dom.render(<KeepInTouch personId={personId} />);
    await vi.waitFor(() => expect(note()).toBe('Clyde learns it after 3 contacts'));
    expect(select().value).toBe('learn');
    const now = Date.now();
    for (const [i, days] of [0, 21, 42, 63, 84].entries()) await addNote(db, personId, { body: `call ${i}`, occurredAt: now - days * DAY });
    await vi.waitFor(() => expect(note()).toBe('Usually every 3 weeks — learned from 5 contacts'));
  });

  it('sets the rhythm in one action, custom days with Enter, and back to learning', async () => {
    dom.render(<KeepInTouch personId={personId} />);
    await vi.waitFor(() => expect(select()).toBeTruthy());
    expect([...select().options].map((o) => o.text)).toEqual([
      'Every 2 weeks',
      'Monthly',
      'Quarterly',
      'Custom…',
      'None (never remind)',
      'Learn from history',
    ]);
    pick('30');
    await vi.waitFor(async () => expect((await personal())?.rhythmDays).toBe(30));
    expect(note()).toBe('');
    pick('0');
    await vi.waitFor(async () => expect((await personal())?.rhythmDays).toBe(0));

    pick('custom');
    const days = await vi.waitFor(() => {
      const input = dom.container.querySelector<HTMLInputElement>('input[type=number]');
      if (!input) throw new Error('no input yet');
      return input;
    });
    typeInto(days, '45');
    days.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(async () => expect((await personal())?.rhythmDays).toBe(45));
    await vi.waitFor(() => expect(select().selectedOptions[0]!.text).toBe('Every 45 days'));

    pick('learn');
    await vi.waitFor(async () => expect((await personal())?.rhythmDays).toBeUndefined());
  });

  it('stars and unstars', async () => {
    dom.render(<KeepInTouch personId={personId} />);
    const star = await vi.waitFor(() => {
      const b = dom.container.querySelector<HTMLButtonElement>('[data-testid=star]');
      if (!b) throw new Error('no star yet');
      return b;
    });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    star.click();
    await vi.waitFor(async () => expect((await personal())?.starred).toBe(true));
    await vi.waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
  });
});
