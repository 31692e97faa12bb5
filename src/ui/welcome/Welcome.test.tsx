// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Welcome } from './Welcome';
import { emptySharedDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { fakeSettingsArea } from '../../../test/support/settings-area';

const tabs = vi.hoisted(() => ({ current: undefined as { id?: number } | undefined, removed: [] as number[] }));
vi.mock('wxt/browser', () => ({
  browser: {
    tabs: {
      getCurrent: async () => tabs.current,
      remove: async (id: number) => void tabs.removed.push(id),
    },
  },
}));

beforeEach(() => {
  tabs.current = { id: 7 };
  tabs.removed = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await emptySharedDb();
});
const dom = testRoot();

const render = () => {
  const { area, events } = fakeSettingsArea();
  dom.render(<Welcome area={area} events={events} fetch={() => Promise.reject(new Error('no network in this test'))} />);
};
const headings = () => [...dom.container.querySelectorAll('h1, h2')].map((h) => h.textContent);
const skip = () => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === 'Skip')!;

describe('the welcome page', () => {
  it('says what Clyde does in three lines, where it shows up, and offers the optional steps from Settings', async () => {
    render();
    // The steps read storage and the database first; all three are there once the team form is.
    await vi.waitFor(() => expect(headings()).toContain('Connect to a team'));
    expect(headings()).toEqual([
      'Welcome to Clyde',
      'Where Clyde shows up',
      'If you like, before you start',
      'Import contacts',
      'Where Clyde appears',
      'Connect to a team',
    ]);

    const lines = [...dom.container.querySelectorAll('ul[aria-label="What Clyde does"] > li')].map((li) => li.textContent);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/memory beside your inbox/);
    expect(lines[1]).toMatch(/never sends anything on your behalf/);
    expect(lines[2]).toMatch(/stays in this browser.*exports any time/);

    const where = dom.container.querySelector('section[aria-labelledby="where-title"]')!.textContent;
    for (const place of ['Gmail and Outlook on the web', 'LinkedIn and X', 'Collapse Clyde', 'side panel']) expect(where).toContain(place);

    expect(dom.container.querySelector('input[type=file][aria-label="Contacts file (CSV or vCard)"]')).not.toBeNull();
    expect(dom.container.querySelectorAll('input[type=radio][name="display-mode-gmail"]')).toHaveLength(2);
    expect([...dom.container.querySelectorAll('p')].filter((p) => p.textContent === 'Optional')).toHaveLength(3);

    const start = [...dom.container.querySelectorAll('a')].find((a) => a.textContent === 'Open Gmail and try it');
    expect(start?.getAttribute('href')).toBe('https://mail.google.com/');
    // Skip says, to a screen reader too, that nothing is lost by skipping.
    expect(document.getElementById(skip().getAttribute('aria-describedby')!)?.textContent).toMatch(/No account needed.*in Settings/);
  });

  it('closes its own tab on Skip', async () => {
    render();
    await vi.waitFor(() => expect(skip()).toBeDefined());
    skip().click();
    await vi.waitFor(() => expect(tabs.removed).toEqual([7]));
  });

  it('closes the window on Skip where it is not in a tab of its own', async () => {
    tabs.current = undefined;
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render();
    await vi.waitFor(() => expect(skip()).toBeDefined());
    skip().click();
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(tabs.removed).toEqual([]);
  });
});
