// @vitest-environment happy-dom
// Rendered without act(): the board updates from liveQuery, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpportunity, moveOpportunity } from '../../opportunities/opportunities';
import { db } from '../../storage/db';
import { addNote, timelineFor } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { writeRecord } from '../../storage/records/write';
import { formatHlc } from '../../sync/hlc';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot, typeInto } from '../../../test/support/react-root';
import { Board } from './Board';
import { useBoardLayout } from '../../../test/support/board-layout';

const DAY = 86_400_000;
let lima: string;
let spring: string;

beforeEach(async () => {
  lima = (await writeRecord(db, 'companies', 'co-lima', { name: 'Lima Grains' }, { create: true })).id;
  const costa = (await writeRecord(db, 'companies', 'co-costa', { name: 'Costa Farms' }, { create: true })).id;
  spring = (
    await createOpportunity(db, {
      title: 'Spring order',
      companyId: lima,
      value: 12_000,
      currency: 'EUR',
      nextStep: { title: 'Send the price list', due: new Date(2026, 11, 10).getTime() },
    })
  ).id;
  await createOpportunity(db, { title: 'Trial bags', companyId: lima, stageId: 'stage-proposal', value: 3_000, currency: 'EUR' });
  await createOpportunity(db, { title: 'Feed mix', companyId: costa, stageId: 'stage-proposal', value: 5_000, currency: 'USD' });
});
afterEach(async () => {
  // The filters live in the hash (home/route.ts): each test starts at the whole board.
  history.replaceState(null, '', location.pathname);
  await emptySharedDb();
});
const dom = testRoot();
useBoardLayout();

const columns = () => [...dom.container.querySelectorAll<HTMLElement>('[data-testid=board-column]')];
const column = (name: string) => columns().find((c) => c.querySelector('h2')!.textContent === name)!;
const titles = (name: string) => [...column(name).querySelectorAll('[data-testid=board-title]')].map((t) => t.textContent);
const card = (title: string) =>
  [...dom.container.querySelectorAll<HTMLElement>('[data-testid=board-card]')].find((c) => c.querySelector('a')!.textContent === title)!;
const stageOf = async (id: string) => (await db.opportunities.get(id))!.stageId;
const liveRegion = () => document.querySelector('[role=status][aria-live]')!;
const dialog = () => document.querySelector<HTMLElement>('[role=dialog]');
const press = (target: Element, key: string, code = key) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
/** The element once it is there (vi.waitFor retries only on a throw). */
const find = <T extends Element>(within: () => Element, selector: string) =>
  vi.waitFor(() => {
    const el = within().querySelector<T>(selector);
    if (!el) throw new Error(`No ${selector} yet`);
    return el;
  });
const button = (within: Element, name: string) => [...within.querySelectorAll('button')].find((b) => b.textContent === name)!;

async function shown(count = 3) {
  dom.render(<Board />);
  await vi.waitFor(() => expect(dom.container.querySelectorAll('[data-testid=board-card]').length).toBe(count));
  // The drag's live region shows once its announcer listens; a key pressed sooner is not said aloud.
  await vi.waitFor(() => expect(document.querySelector('[role=status][aria-live]')).not.toBeNull());
}

/** A keyboard drag as a user makes it: pick up, arrows, drop, each key once the sensor listens. */
async function drag(title: string, arrows: string[], drop = 'Space', pick = 'Space') {
  const el = card(title);
  el.focus();
  press(el, pick === 'Space' ? ' ' : pick, pick);
  await vi.waitFor(() => expect(liveRegion().textContent).toMatch(/^Picked up/));
  // The sensor listens for the next keys from a timeout after the pick-up.
  await new Promise((r) => setTimeout(r, 0));
  for (const arrow of arrows) {
    const before = liveRegion().textContent;
    press(document.activeElement!, arrow);
    await vi.waitFor(() => expect(liveRegion().textContent).not.toBe(before));
  }
  press(document.activeElement!, drop === 'Space' ? ' ' : drop, drop);
}

describe('Board', () => {
  it('shows the pipeline’s columns with each deal, whom it is with, its value, next step and the totals per currency', async () => {
    await shown();
    expect(columns().map((c) => c.querySelector('h2')!.textContent)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    expect(titles('Lead')).toEqual(['Spring order']);
    const shownCard = card('Spring order');
    expect(shownCard.textContent).toContain('Lima Grains');
    expect(shownCard.querySelector('[data-testid=board-value]')!.textContent).toBe('€12,000');
    expect(shownCard.querySelector('[data-testid=board-next]')!.textContent).toBe('Next: Send the price list · due Dec 10, 2026');
    expect(shownCard.querySelector('a')!.getAttribute('href')).toBe(`#/opportunity/${spring}`);
    expect(column('Proposal').querySelector('[data-testid=board-total]')!.textContent).toBe('€3,000 · $5,000');
    expect(column('Qualified').querySelector('[data-testid=board-total]')!.textContent).toBe('');
  });

  it('leaves out deleted deals and deals closed more than 90 days ago, and says how a deal gets here when there is none', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 100 * DAY });
    const old = await createOpportunity(db, { title: 'Last spring', companyId: lima });
    await moveOpportunity(db, old.id, 'stage-won', 'Good price');
    vi.useRealTimers();
    const recent = await createOpportunity(db, { title: 'Autumn order', companyId: lima });
    await moveOpportunity(db, recent.id, 'stage-won', 'Two-bag delivery');
    await writeRecord(db, 'opportunities', spring, { deleted: true });
    await shown(3);
    expect(titles('Won')).toEqual(['Autumn order']);
    expect(card('Autumn order').querySelector('[data-testid=board-reason]')!.textContent).toBe('Two-bag delivery');
    expect(dom.container.querySelector('[data-testid=board-empty]')).toBeNull();

    await emptySharedDb();
    await vi.waitFor(() =>
      expect(dom.container.querySelector('[data-testid=board-empty]')?.textContent).toBe(
        'No deals yet. Create one from the panel beside an email: New opportunity.',
      ),
    );
    expect(columns()).toHaveLength(6);
  });

  it('shows a deal whose stage a teammate removed meanwhile in the first open stage, rather than nowhere', async () => {
    await db.opportunities.update(spring, { stageId: 'stage-removed-elsewhere' });
    await shown();
    expect(titles('Lead')).toEqual(['Spring order']);
  });

  it('moves the focused deal one stage with ] and [, and focus stays on it', async () => {
    await shown();
    card('Spring order').focus();
    press(card('Spring order'), ']');
    await vi.waitFor(async () => expect(await stageOf(spring)).toBe('stage-qualified'));
    await vi.waitFor(() => expect(titles('Qualified')).toEqual(['Spring order']));
    await vi.waitFor(() => expect(document.activeElement).toBe(card('Spring order')));
    press(document.activeElement!, ']');
    await vi.waitFor(() => expect(titles('Proposal')).toContain('Spring order'));
    press(document.activeElement!, '[');
    await vi.waitFor(() => expect(titles('Qualified')).toEqual(['Spring order']));
    expect(await stageOf(spring)).toBe('stage-qualified');
  });

  it('moves a deal by keyboard drag: Space picks it up, Right goes to the next column, Space drops, each step said aloud', async () => {
    await shown();
    await drag('Spring order', ['ArrowRight', 'ArrowRight']);
    await vi.waitFor(async () => expect(await stageOf(spring)).toBe('stage-proposal'));
    expect(liveRegion().textContent).toBe('Moved Spring order to Proposal.');
    await vi.waitFor(() => expect(titles('Proposal')).toContain('Spring order'));
    await vi.waitFor(() => expect(document.activeElement).toBe(card('Spring order')));

    // Enter picks up too; Escape puts it back.
    await drag('Spring order', ['ArrowLeft'], 'Escape', 'Enter');
    await vi.waitFor(() => expect(liveRegion().textContent).toBe('Cancelled. Spring order stays in Proposal.'));
    expect(await stageOf(spring)).toBe('stage-proposal');
  });

  it('asks why when a deal is dropped on Lost: Cancel leaves it, a reason moves it and tells the company’s timeline', async () => {
    await moveOpportunity(db, spring, 'stage-negotiation');
    await shown();
    await drag('Spring order', ['ArrowRight', 'ArrowRight']);
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('Why was Spring order lost?'));
    expect(document.activeElement).toBe(dialog()!.querySelector('input'));
    // Tab goes round the dialog rather than back to the board behind it.
    button(dialog()!, 'Cancel').focus();
    press(document.activeElement!, 'Tab');
    expect(document.activeElement).toBe(dialog()!.querySelector('input'));
    button(dialog()!, 'Cancel').click();
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(await stageOf(spring)).toBe('stage-negotiation');
    expect(titles('Negotiation')).toEqual(['Spring order']);
    expect(document.activeElement).toBe(card('Spring order'));

    await drag('Spring order', ['ArrowRight', 'ArrowRight']);
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    button(dialog()!, 'Move to Lost').click();
    await vi.waitFor(() =>
      expect(dialog()!.querySelector('[role=alert]')?.textContent).toBe('Say why it was lost: a few words are enough.'),
    );
    typeInto(dialog()!.querySelector('input')!, 'Chose a local mill');
    button(dialog()!, 'Move to Lost').click();
    await vi.waitFor(() => expect(dialog()).toBeNull());
    expect(await stageOf(spring)).toBe('stage-lost');
    expect((await timelineFor(db, lima)).map((n) => n.body)).toEqual(['Lost “Spring order”: Chose a local mill']);
    await vi.waitFor(() => expect(titles('Lost')).toEqual(['Spring order']));
  });

  it('filters by company, and by yours or teammates’ deals once there are teammates’, without naming or counting anyone', async () => {
    await shown();
    expect(dom.container.querySelector('select[aria-label="Whose deals"]')).toBeNull();
    const company = dom.container.querySelector<HTMLSelectElement>('select[aria-label=Company]')!;
    expect([...company.options].map((o) => o.textContent)).toEqual(['All companies', 'Costa Farms', 'Lima Grains']);
    company.value = 'co-costa';
    company.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(dom.container.querySelectorAll('[data-testid=board-card]').length).toBe(1));
    expect(titles('Proposal')).toEqual(['Feed mix']);
    expect(column('Proposal').querySelector('[data-testid=board-total]')!.textContent).toBe('$5,000');

    const ana = (await createPerson(db, { name: 'Ana Lima' })).id;
    const theirs = await createOpportunity(db, { title: 'Her deal', personIds: [ana] });
    await db.opportunities.update(theirs.id, { ownerId: 'teammate-1', scope: 'team' });
    company.value = '';
    company.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(dom.container.querySelectorAll('[data-testid=board-card]').length).toBe(4));
    expect(card('Her deal').textContent).toContain('Ana Lima');
    expect(card('Her deal').textContent).toContain('teammate');
    expect(card('Spring order').textContent).toContain('you');
    const owner = dom.container.querySelector<HTMLSelectElement>('select[aria-label="Whose deals"]')!;
    expect([...owner.options].map((o) => o.textContent)).toEqual(['Everyone’s', 'Yours', 'Teammates’']);
    owner.value = 'team';
    owner.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(dom.container.querySelectorAll('[data-testid=board-card]').length).toBe(1));
    expect(titles('Lead')).toEqual(['Her deal']);
    // In the address, so a reload or Back from a deal finds the board as it was left.
    expect(location.hash).toBe('#/board?whose=team');
    dom.render(<p />);
    await shown(1);
    expect(dom.container.querySelector<HTMLSelectElement>('select[aria-label="Whose deals"]')!.value).toBe('team');
  });

  it('flags a deal left without activity past its stage’s limit, as Home’s At risk does, until something happens', async () => {
    const costa = 'co-costa';
    // Created and last touched 20 days ago (stamped so directly: this device's clock never runs
    // backwards); Negotiation allows 7.
    const old = await createOpportunity(db, { title: 'Silo upgrade', companyId: costa, stageId: 'stage-negotiation' });
    const then = Date.now() - 20 * DAY - 3_600_000;
    const clocks = Object.fromEntries(Object.keys(old.clocks).map((f) => [f, formatHlc({ wall: then, counter: 0, node: 'test' })]));
    await db.opportunities.update(old.id, { stageAt: then, clocks });
    await shown(4);
    expect(card('Silo upgrade').querySelector('[data-testid=board-idle]')?.textContent).toBe(
      'At risk: no activity for 20 days; this stage’s limit is 7 days',
    );
    // Fresh deals, and Won or Lost ones, are not flagged.
    expect(dom.container.querySelectorAll('[data-testid=board-idle]')).toHaveLength(1);

    await addNote(db, costa, { body: 'Called about the silo' });
    await vi.waitFor(() => expect(card('Silo upgrade').querySelector('[data-testid=board-idle]')).toBeNull());
    expect((await db.opportunities.get(old.id))?.stageId).toBe('stage-negotiation');
  });

  it('renames a stage and sets its idle limit, adds one before Won, and says why a stage with deals cannot go', async () => {
    await shown();
    button(column('Proposal'), 'Edit').click();
    const form = await find<HTMLFormElement>(() => column('Proposal'), 'form');
    typeInto(form.querySelector('input')!, 'Offer sent');
    typeInto(form.querySelector('input[type=number]')!, '5');
    button(form, 'Save').click();
    await vi.waitFor(() => expect(column('Offer sent')).toBeDefined());
    expect(await db.stages.get('stage-proposal')).toMatchObject({ name: 'Offer sent', idleDays: 5 });

    button(column('Offer sent'), 'Edit').click();
    await find(() => column('Offer sent'), 'form');
    button(column('Offer sent'), 'Remove stage').click();
    await vi.waitFor(() =>
      expect(column('Offer sent').querySelector('[role=alert]')?.textContent).toBe('Move its 2 opportunities to another stage first.'),
    );

    button(dom.container, 'Add a stage').click();
    const add = await find<HTMLFormElement>(() => dom.container, 'form[aria-label="Add a stage"]');
    typeInto(add.querySelector('input')!, 'Trial');
    button(add, 'Add').click();
    await vi.waitFor(() =>
      expect(columns().map((c) => c.querySelector('h2')!.textContent)).toEqual([
        'Lead',
        'Qualified',
        'Offer sent',
        'Negotiation',
        'Trial',
        'Won',
        'Lost',
      ]),
    );
    button(column('Trial'), 'Edit').click();
    await find(() => column('Trial'), 'form');
    button(column('Trial'), 'Remove stage').click();
    await vi.waitFor(() => expect(columns()).toHaveLength(6));
  });
});
