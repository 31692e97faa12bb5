// @vitest-environment happy-dom
// Rendered without act(): the view comes from a live query, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Correspondent, PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { addIdentity } from '../storage/records/identity';
import { addNeverLog } from '../storage/records/never-log';
import { createPerson, updatePerson } from '../storage/records/people';
import { usePageView } from './usePageView';
import { openLiveQueries } from '../../test/support/live-queries';
import { testRoot } from '../../test/support/react-root';
import { emptySharedDb } from '../../test/support/db';

const ana: Correspondent = { name: 'Ana Lima', email: 'ana@example.com', role: 'from' };
const bruno: Correspondent = { name: 'Bruno Costa', email: 'bruno@example.org', role: 'to' };
const page = (url: string, people: Correspondent[]): PageContext => ({ site: 'gmail', view: 'thread', people, url });

let anaId: string;
/** What each render returned, in order: "loading", "none", or the page URL with who is shown. */
let renders: string[];

beforeEach(async () => {
  anaId = (await createPerson(db, { name: 'Ana (stored)' })).id;
  await addIdentity(db, anaId, 'email', ana.email!);
  renders = [];
});
afterEach(async () => {
  await emptySharedDb();
});
const dom = testRoot();

function Probe({ context, picked }: { context: PageContext | null | undefined; picked?: string }) {
  const view = usePageView(context, picked);
  const text =
    view === undefined
      ? 'loading'
      : view === null
        ? 'none'
        : `${view.context.url} ${view.people.map((p) => p.email).join(',')} → ${view.current?.email ?? '-'} = ${view.person?.name ?? 'unknown'}`;
  renders.push(text);
  return <p>{text}</p>;
}
const shown = () => dom.container.textContent;

describe('usePageView', () => {
  it('shows the first person with who Clyde knows them as, and a picked one while on the page', async () => {
    const thread = page('https://mail.test/1', [ana, bruno]);
    dom.render(<Probe context={thread} />);
    await vi.waitFor(() => expect(shown()).toBe('https://mail.test/1 ana@example.com,bruno@example.org → ana@example.com = Ana (stored)'));
    dom.render(<Probe context={thread} picked="bruno@example.org" />);
    await vi.waitFor(() => expect(shown()).toBe('https://mail.test/1 ana@example.com,bruno@example.org → bruno@example.org = unknown'));
    dom.render(<Probe context={thread} picked="gone@example.net" />);
    await vi.waitFor(() => expect(shown()).toContain('→ ana@example.com'));
  });

  it('leaves out never-logged people and follows edits, live', async () => {
    dom.render(<Probe context={page('https://mail.test/1', [ana, bruno])} />);
    await vi.waitFor(() => expect(shown()).toContain('= Ana (stored)'));
    await updatePerson(db, anaId, { name: 'Ana Lima-Souza' });
    await vi.waitFor(() => expect(shown()).toContain('= Ana Lima-Souza'));
    await addNeverLog(db, 'example.com');
    await vi.waitFor(() => expect(shown()).toBe('https://mail.test/1 bruno@example.org → bruno@example.org = unknown'));
  });

  it('keeps the previous page on screen while reading the next, but never brings one back after no page', async () => {
    dom.render(<Probe context={page('https://mail.test/1', [ana])} />);
    await vi.waitFor(() => expect(shown()).toContain('https://mail.test/1'));
    dom.render(<Probe context={page('https://mail.test/2', [bruno])} />);
    await vi.waitFor(() => expect(shown()).toContain('https://mail.test/2'));
    const fromFirst = renders.slice(renders.findIndex((r) => r.startsWith('https://mail.test/1')));
    expect(fromFirst.every((r) => r.startsWith('https://'))).toBe(true);

    dom.render(<Probe context={null} />);
    await vi.waitFor(() => expect(shown()).toBe('none'));
    dom.render(<Probe context={page('https://mail.test/3', [ana])} />);
    await vi.waitFor(() => expect(shown()).toContain('https://mail.test/3'));
    const afterNone = renders.slice(renders.lastIndexOf('none'));
    expect(afterNone.some((r) => r.startsWith('https://mail.test/2'))).toBe(false);
  });

  it('closes the live query of each page when the next page replaces it, and the last one when the panel closes', async () => {
    const before = openLiveQueries();
    dom.render(<Probe context={page('https://mail.test/0', [ana])} />);
    await vi.waitFor(() => expect(shown()).toContain('https://mail.test/0'));
    expect(openLiveQueries()).toBe(before + 1);
    for (let i = 1; i <= 20; i++) {
      dom.render(<Probe context={page(`https://mail.test/${i}`, [i % 2 ? bruno : ana])} />);
      await vi.waitFor(() => expect(shown()).toContain(`https://mail.test/${i} `));
    }
    expect(openLiveQueries()).toBe(before + 1);
    dom.render(null);
    await vi.waitFor(() => expect(openLiveQueries()).toBe(before));
  });
});
