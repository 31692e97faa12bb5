// @vitest-environment happy-dom
// Rendered without act(): sections update from liveQuery, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { addNote, timelineFor } from '../../storage/records/notes';
import { addPreference } from '../../storage/records/preferences';
import { createPerson } from '../../storage/records/people';
import { addTask, openTasksFor } from '../../storage/records/tasks';
import { setMeta } from '../../storage/keys';
import { setRhythm } from '../../storage/summaries/personal';
import { deferSummaries, summarizeQueued } from '../../storage/summaries/queue';
import { Home } from './Home';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot, typeInto } from '../../../test/support/react-root';

// Only Date is faked: the sentences read a fixed day, while liveQuery's and React's timers run as usual.
const NOW = new Date(2026, 11, 7, 9, 0);
const day = (d: number) => new Date(2026, 11, d).getTime();

let ana: string;
let taskToday: string;
let complaint: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  location.hash = '';
  ana = (await createPerson(db, { name: 'Ana Lima', company: 'Lima Grains' })).id;
  await addPreference(db, ana, 'order: grain in two bags', true);
  taskToday = (await addTask(db, ana, 'Send the price list', day(7))).id;
  await addTask(db, ana, 'Call about the invoice', day(8));
  const bruno = (await createPerson(db, { name: 'Bruno Costa' })).id;
  complaint = (await addNote(db, bruno, { body: 'The delivery came in one bag', tag: 'complaint', occurredAt: day(5) })).id;
  await addTask(db, bruno, 'Send the sample', day(6));
  const carla = (await createPerson(db, { name: 'Carla Mendes' })).id;
  await addNote(db, carla, { body: 'Lunch', occurredAt: day(1) - 10 * 86_400_000 });
  await setRhythm(db, carla, 14);
  const duda = (await createPerson(db, { name: 'Duda Pires' })).id;
  await addNote(db, duda, { body: 'Loved the new bags', tag: 'compliment', occurredAt: day(2) });
  await addNote(db, duda, { body: 'Exam on 12 December', tag: 'life-event', occurredAt: day(2), eventAt: day(12) });
});
afterEach(async () => {
  vi.useRealTimers();
  await emptySharedDb();
});
const dom = testRoot();

const section = (id: string) => dom.container.querySelector<HTMLElement>(`[data-testid=home-${id}]`)!;
const rows = () => [...dom.container.querySelectorAll<HTMLElement>('[data-row]')].filter((r) => !r.closest('[hidden]'));
const focusedRow = () => document.activeElement?.closest<HTMLElement>('[data-row]');
const press = (key: string, target: Element = document.activeElement ?? document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

/** The element once it is there (vi.waitFor retries only on a throw). */
// The person page is a lazy chunk: its first import, transformed on demand, can take over the
// default second on a busy machine.
const find = <T extends Element = HTMLElement>(selector: string) =>
  vi.waitFor(
    () => {
      const el = dom.container.querySelector<T>(selector);
      if (!el) throw new Error(`No ${selector} yet`);
      return el;
    },
    { timeout: 5000 },
  );

async function shown() {
  dom.render(<Home />);
  await vi.waitFor(() => expect(section('coming-up').getAttribute('aria-busy')).toBe('false'));
  await vi.waitFor(() => expect(rows().length).toBe(7));
}

describe('Home', () => {
  it('shows each section with the person, the reason or context, and teaches when a section is empty', async () => {
    await shown();
    expect(section('today').textContent).toContain('Ana Lima · Lima Grains');
    // Bruno's overdue task comes first; each person's context is their pinned fact, else their last
    // note, read by each row after the section is there.
    await vi.waitFor(() =>
      expect([...section('today').querySelectorAll('[data-testid=home-context]')].map((c) => c.textContent)).toEqual([
        'The delivery came in one bag',
        'order: grain in two bags',
      ]),
    );
    expect([...section('today').querySelectorAll('[data-testid=home-task]')].map((t) => t.textContent)).toEqual([
      expect.stringContaining('Send the sampledue yesterday'),
      expect.stringContaining('Send the price listdue today'),
    ]);
    expect(section('reach-out').textContent).toContain('Last contact 2 weeks ago; you chose every 2 weeks');
    const risk = [...section('at-risk').querySelectorAll('[data-testid=home-reason]')];
    expect(risk.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Complained 2 days ago: ‘The delivery came in one bag’; nothing since'),
      expect.stringContaining('Promised ‘Send the sample’ by yesterday; 1 day overdue'),
    ]);
    // The complaint's sentence links its note.
    expect(risk[0]!.querySelector('a')!.getAttribute('href')).toMatch(new RegExp(`^#/person/[\\w-]+\\?note=${complaint}$`));
    expect(section('best').textContent).toContain('Praised 5 days ago: ‘Loved the new bags’');
    expect(section('coming-up').textContent).toContain('Saturday: Exam on 12 December');
    expect(dom.container.querySelector('[data-testid=home-team]')).toBeNull();

    await emptySharedDb();
    await vi.waitFor(() => expect(dom.container.querySelectorAll('[data-testid=home-empty]').length).toBe(5));
    expect(section('today').textContent).toContain('Nothing due today. Tasks you add in the panel with a date show here.');
  });

  it('moves with j and k across sections, opens the person at the task with Enter, and comes back to it with Escape', async () => {
    await shown();
    press('j', document.body);
    expect(focusedRow()).toBe(rows()[0]);
    press('j');
    press('j');
    expect(focusedRow()).toBe(rows()[2]);
    press('k');
    const priceList = rows()[1]!;
    expect(focusedRow()).toBe(priceList);
    expect(priceList.textContent).toContain('Send the price list');

    press('Enter');
    await vi.waitFor(() => expect(location.hash).toBe(`#/person/${ana}?task=${taskToday}`));
    const page = await find('[data-testid=home-person-page]');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-task-id')).toBe(taskToday));
    expect(page.querySelector('[data-testid=person-name]')!.textContent).toBe('Ana Lima');
    // The card's rhythm picker is one of its later parts (ui/later-parts.ts): there a moment after the name.
    await vi.waitFor(() => expect(page.querySelector('[data-testid=keep-in-touch]')).not.toBeNull());

    press('Escape');
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=home-person-page]')).toBeNull());
    await vi.waitFor(() => expect(focusedRow()).toBe(priceList));
  });

  it('comes back from a person whose task was ticked there to the item that took its place, and Back from a link too', async () => {
    await shown();
    press('j', document.body);
    press('j');
    press('Enter');
    const done = await find<HTMLInputElement>('[data-testid=home-person-page] input[aria-label="Done: Send the price list"]');
    done.click();
    await vi.waitFor(async () => expect((await openTasksFor(db, ana)).map((t) => t.title)).toEqual(['Call about the invoice']));
    press('Escape', document.body);
    await vi.waitFor(() => expect(focusedRow()?.textContent).toContain('Last contact 2 weeks ago'));

    // The complaint's sentence is a link; Escape from where it leads returns to the list.
    section('at-risk').querySelector<HTMLAnchorElement>('[data-testid=home-evidence]')!.click();
    await find(`[data-testid=home-person-page] [data-note-id="${complaint}"][data-evidence]`);
    press('Escape', document.body);
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=home-person-page]')).toBeNull());
  });

  it('marks the current Today task done with x, and focus moves to the next item', async () => {
    await shown();
    press('j', document.body);
    press('j');
    press('x');
    await vi.waitFor(async () => expect((await openTasksFor(db, ana)).map((t) => t.title)).toEqual(['Call about the invoice']));
    await vi.waitFor(() => expect(rows().length).toBe(6));
    await vi.waitFor(() => expect(focusedRow()?.textContent).toContain('Last contact 2 weeks ago'));
  });

  it('resolves an at-risk reason with r, asking how, and writes it on the timeline', async () => {
    await shown();
    press('j', document.body);
    for (let i = 0; i < 3; i++) press('j');
    expect(focusedRow()?.textContent).toContain('Complained 2 days ago');
    press('r');
    const how = await find<HTMLInputElement>('input[aria-label="How was it resolved?"]');
    expect(document.activeElement).toBe(how);
    typeInto(how, 'refunded the delivery');
    press('Enter', how);
    await vi.waitFor(() => expect(section('at-risk').textContent).not.toContain('Complained'));
    const bruno = (await db.people.toArray()).find((p) => p.name === 'Bruno Costa')!;
    expect((await timelineFor(db, bruno.id))[0]!.body).toBe('Resolved: refunded the delivery');
    // The promise is still there, and Escape leaves its question without writing.
    await vi.waitFor(() => expect(focusedRow()?.textContent).toContain('Promised ‘Send the sample’'));
    press('r');
    const again = await find('input[aria-label="How was it resolved?"]');
    press('Escape', again);
    await vi.waitFor(() => expect(dom.container.querySelector('input[aria-label="How was it resolved?"]')).toBeNull());
    expect(focusedRow()?.textContent).toContain('Promised ‘Send the sample’');
  });

  it('stars and unstars a best customer with s, and lists the keys with ?', async () => {
    await shown();
    const bestRow = () => section('best').querySelector<HTMLElement>('[data-row]')!;
    bestRow().focus();
    press('s');
    await vi.waitFor(() => expect(section('best').textContent).toContain('You starred them as a key relationship'));
    expect(bestRow().querySelector('[data-testid=star]')!.getAttribute('aria-pressed')).toBe('true');
    press('s');
    await vi.waitFor(() => expect(section('best').textContent).not.toContain('You starred them'));

    press('?');
    const help = await find('[role=dialog]');
    expect(help.textContent).toContain('Today: mark the task done');
    expect(help.textContent).toContain('At risk: resolve the reason, saying how');
    press('Escape', help);
    await vi.waitFor(() => expect(dom.container.querySelector('[role=dialog]')).toBeNull());
  });

  it('shows a full section at once and its total once counted, and all of it on Show all', async () => {
    for (let i = 0; i < 26; i++) await addTask(db, (await createPerson(db, { name: `Due ${i}` })).id, `Task ${i}`, day(7));
    dom.render(<Home />);
    // 25 people at first of the 28 due (with Ana and Bruno); the total comes from a count of its own.
    const all = await find('[data-testid=home-today] [data-testid=home-show-all]');
    await vi.waitFor(() => expect(all.textContent).toBe('Show all 28'));
    expect(section('today').querySelectorAll(':scope > ul > li')).toHaveLength(25);
    all.click();
    await vi.waitFor(() => expect(section('today').querySelectorAll(':scope > ul > li')).toHaveLength(28));
    expect(section('today').querySelector('[data-testid=home-show-all]')).toBeNull();
  });

  it('shows what teammates shared this week, by person, only in a team, and counts no one', async () => {
    await shown();
    const ana = (await db.people.toArray()).find((p) => p.name === 'Ana Lima')!;
    const note = (await addNote(db, ana.id, { body: 'Ana asked for the spring catalogue', occurredAt: day(6) })).id;
    // A teammate's shared note, as team sync writes it.
    await db.notes.update(note, { ownerId: 'teammate', scope: 'team' });
    expect(dom.container.querySelector('[data-testid=home-team]')).toBeNull();
    await setMeta(db, 'account', { serverUrl: 'https://team.example', token: 't', teamId: 'team', userId: 'me', deviceId: 'd' });
    await find('[data-testid=home-team] [data-row]');
    expect(section('team').textContent).toContain('Ana Lima · Lima GrainsAna asked for the spring catalogue yesterday');
    expect(section('team').textContent).not.toMatch(/\d+ (notes|updates|contacts)/);
  });

  it('says its lists may miss people while a catch-up leaves summaries queued, and stops once they are rebuilt', async () => {
    await shown();
    expect(dom.container.querySelector('[data-testid=home-behind]')).toBeNull();
    // A person and a task due today written as a catch-up's pages write: the summary is queued, not made.
    await db.transaction('rw', db.tables, async () => {
      deferSummaries();
      await addTask(db, (await createPerson(db, { name: 'Eva Souza' })).id, 'Call the warehouse', day(7));
    });
    const behind = await find('[data-testid=home-behind]');
    expect(behind.getAttribute('role')).toBe('status');
    expect(behind.textContent).toBe("Still taking in the team's records: until that is done, these lists may miss people.");
    expect(section('today').textContent).not.toContain('Eva Souza');

    await summarizeQueued(db);
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=home-behind]')).toBeNull());
    await vi.waitFor(() => expect(section('today').textContent).toContain('Eva Souza'));
  });
});
