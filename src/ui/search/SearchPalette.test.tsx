// @vitest-environment happy-dom
// Rendered without act(): results come from liveQuery, so the test waits for what shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { indexQueued } from '../../storage/search/index-queued';
import { SearchPalette } from './SearchPalette';
import { testRoot } from '../../../test/support/react-root';
import { createCompany } from '../../companies/companies';
import { writeRecord } from '../../storage/records/write';

const opened: string[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getURL: (path: string) => `chrome-extension://clyde${path}` },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
  },
}));

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
const dom = testRoot();

async function until<T>(read: () => T | undefined | null | false): Promise<T> {
  await vi.waitFor(() => expect(read()).toBeTruthy(), { timeout: 3000 });
  return read() as T;
}
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
const options = () => [...dom.container.querySelectorAll('[role=option]')];

describe('SearchPalette', () => {
  it('finds by a word from a note, moves with the arrow keys and picks with Enter', async () => {
    const ana = await createPerson(db, { name: 'Ana Lima' });
    const bruno = await createPerson(db, { name: 'Bruno Costa' });
    await addNote(db, ana.id, { body: 'Asked about tractors', occurredAt: 1 });
    await addNote(db, bruno.id, { body: 'Tractors arrive Monday', occurredAt: 2 });
    const onPick = vi.fn();
    dom.render(<SearchPalette initialQuery="tractors" onPick={onPick} onClose={() => {}} />);
    await until(() => options().length === 2);
    const input = dom.container.querySelector('input')!;
    expect(document.activeElement).toBe(input);
    expect(options().map((o) => o.textContent)).toEqual([expect.stringContaining('Bruno Costa'), expect.stringContaining('Ana Lima')]);
    key(input, 'ArrowDown');
    await until(() => options()[1]!.getAttribute('aria-selected') === 'true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    key(input, 'ArrowDown'); // wraps around
    await until(() => options()[0]!.getAttribute('aria-selected') === 'true');
    key(input, 'ArrowUp');
    await until(() => options()[1]!.getAttribute('aria-selected') === 'true');
    key(input, 'Enter');
    expect(onPick).toHaveBeenCalledWith(ana.id);
  });

  it('says while records from the team are still being indexed, and stops saying it when done', async () => {
    const ana = await createPerson(db, { name: 'Ana Lima' });
    await db.wordQueue.add({ keys: [['people', ana.id]] });
    dom.render(<SearchPalette initialQuery="ana" onPick={() => {}} onClose={() => {}} />);
    await until(() => dom.container.textContent?.includes('Still indexing records that just arrived from your team'));
    await indexQueued(db);
    await until(() => !dom.container.textContent?.includes('Still indexing'));
    expect(options().map((o) => o.textContent)).toEqual([expect.stringContaining('Ana Lima')]);
  });

  it('says when nothing matches, and Escape closes', async () => {
    const onClose = vi.fn();
    dom.render(<SearchPalette initialQuery="zebra" onPick={() => {}} onClose={onClose} />);
    await until(() => dom.container.querySelector('[role=status]')?.textContent?.includes('Nothing found for “zebra”'));
    key(dom.container.querySelector('input')!, 'Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('with accounts, finds companies and opportunities, labelled, and opens them on Home', async () => {
    opened.splice(0);
    const acme = await createCompany(db, { name: 'Acme Tractors', domains: ['acme.com'] });
    const deal = await writeRecord(
      db,
      'opportunities',
      'o-1',
      { title: 'Tractor fleet', companyId: acme.id, stageId: 'stage-lead', stageAt: 0 },
      { create: true },
    );
    await createPerson(db, { name: 'Tracy Lima' });
    const onPick = vi.fn();
    const onClose = vi.fn();
    dom.render(<SearchPalette withAccounts initialQuery="tra" onPick={onPick} onClose={onClose} />);
    await until(() => options().length === 3);
    expect(options().map((o) => o.textContent)).toEqual([
      'Tracy Lima',
      'Acme Tractors · acme.comcompany',
      'Tractor fleet · Acme Tractorsopportunity',
    ]);
    options()[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => opened.length === 1);
    expect(opened).toEqual([`chrome-extension://clyde/home.html#/company/${acme.id}`]);
    options()[2]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => opened.length === 2);
    expect(opened[1]).toBe(`chrome-extension://clyde/home.html#/opportunity/${deal.id}`);
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('without accounts (picking a person to link or merge), shows people only', async () => {
    await createCompany(db, { name: 'Acme Tractors' });
    await createPerson(db, { name: 'Tracy Lima' });
    dom.render(<SearchPalette initialQuery="tra" onPick={() => {}} onClose={() => {}} />);
    // One query gives the whole list, so the first list shown is the final one.
    await until(() => options().length > 0);
    expect(options().map((o) => o.textContent)).toEqual(['Tracy Lima']);
  });
});
