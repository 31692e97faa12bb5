// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../test/support/db';
import { testRoot } from '../../test/support/react-root';
import type { PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { ensurePersonFor } from '../storage/records/identity';
import { addNote } from '../storage/records/notes';
import { addTask, setTaskDone } from '../storage/records/tasks';
import { Brief } from './Brief';
import { PersonView } from './PersonView';

afterEach(() => emptySharedDb());
const dom = testRoot();

/** A local moment `days` from today (negative: ago), at `hour`; days count as calendar days in any zone. */
const fromToday = (days: number, hour = 0) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour).getTime();
};

const ana = { email: 'ana@example.com', name: 'Ana Lima', role: 'to' as const };
const lines = () => [...dom.container.querySelectorAll('[data-testid=brief] li')].map((li) => li.textContent);

describe('Brief', () => {
  it('says nothing for someone with nothing worth knowing, and speaks up once there is', async () => {
    const person = await ensurePersonFor(db, ana);
    dom.render(<Brief personId={person.id} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(dom.container.innerHTML).toBe('');
    await addTask(db, person.id, 'Send the quote', fromToday(1));
    await vi.waitFor(() => expect(lines()).toEqual(['Promised: Send the quote — due tomorrow']));
  });

  it('says the last interaction, the first open promise and a life event near today, and follows changes', async () => {
    const person = await ensurePersonFor(db, ana);
    await addNote(db, person.id, { body: 'Daughter’s exam', tag: 'life-event', occurredAt: fromToday(-20, 9), eventAt: fromToday(3) });
    await addNote(db, person.id, { body: 'asked about bulk price', kind: 'call', occurredAt: fromToday(-12, 15) });
    const quote = await addTask(db, person.id, 'send the quote', fromToday(-2));
    await addTask(db, person.id, 'visit the farm');
    dom.render(<Brief personId={person.id} />);
    await vi.waitFor(() =>
      expect(lines()).toEqual([
        'Last: call 12 days ago — “asked about bulk price”',
        'Promised: send the quote — was due 2 days ago (+1 more)',
        'Personal: Daughter’s exam — in 3 days',
      ]),
    );
    expect(dom.container.querySelector('[data-kind=promise] .text-red-700')?.textContent).toBe('was due 2 days ago');

    await setTaskDone(db, quote.id, true);
    await vi.waitFor(() => expect(lines()[1]).toBe('Promised: visit the farm'));
  });

  it('renders the user’s words as text, isolated from the sentence around them', async () => {
    const person = await ensurePersonFor(db, ana);
    await addNote(db, person.id, { body: '<img src=x onerror=alert(1)> \u202eevil' });
    dom.render(<Brief personId={person.id} />);
    await vi.waitFor(() => expect(lines()).toEqual(['Last: note today — “<img src=x onerror=alert(1)> \u202eevil”']));
    expect(dom.container.querySelector('img')).toBeNull();
    expect(dom.container.querySelector('bdi')?.textContent).toBe('<img src=x onerror=alert(1)> \u202eevil');
  });
});

describe('the panel', () => {
  const context = (view: PageContext['view']): PageContext => ({
    site: 'gmail',
    view,
    url: 'https://mail.google.com/mail/u/0/#inbox',
    people: [ana],
  });
  const order = () =>
    [...dom.container.querySelectorAll('[data-testid=brief], [data-testid=person-name]')].map((el) => el.getAttribute('data-testid'));

  it('puts the brief before anything else when writing to the person, and after who they are when reading', async () => {
    const person = await ensurePersonFor(db, ana);
    await addNote(db, person.id, { body: 'asked about bulk price', kind: 'call' });
    dom.render(<PersonView correspondent={ana} person={person} context={context('compose')} />);
    await vi.waitFor(() => expect(order()).toEqual(['brief', 'person-name']));
    expect(dom.container.firstElementChild?.getAttribute('data-testid')).toBe('brief');

    dom.render(<PersonView correspondent={ana} person={person} context={context('list')} />);
    await vi.waitFor(() => expect(order()).toEqual(['person-name', 'brief']));
    // Said once: the life events the panel used to list under "Coming up" are the brief's now.
    expect(dom.container.querySelectorAll('[data-testid=brief]')).toHaveLength(1);
  });
});
