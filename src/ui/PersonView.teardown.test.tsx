// @vitest-environment happy-dom
// The panel shows one person after another for as long as a mail tab is open: whatever a person's
// sections subscribe to has to be let go when the next person replaces them, or the panel's memory
// grows with every thread opened (issue 15 §9; `npm run bench -- panel-memory` measures it whole).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb } from '../../test/support/db';
import { openLiveQueries } from '../../test/support/live-queries';
import { testRoot } from '../../test/support/react-root';
import type { Correspondent, PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { ensurePersonFor } from '../storage/records/identity';
import { addNote } from '../storage/records/notes';
import { addTask } from '../storage/records/tasks';
import type { Person } from '../storage/schema';
import { PersonView } from './PersonView';

afterEach(() => emptySharedDb());
const dom = testRoot();

const thread: PageContext = { site: 'gmail', view: 'thread', people: [], url: 'https://mail.google.com/mail/u/0/#inbox/1' };

describe('PersonView', () => {
  it('holds as many live queries for the tenth person as for the first, and none once closed', async () => {
    const before = openLiveQueries();
    const people: [Correspondent, Person][] = [];
    for (let i = 0; i < 10; i++) {
      const correspondent: Correspondent = { name: `Customer ${i}`, email: `customer${i}@example.com`, role: 'from' };
      const person = await ensurePersonFor(db, correspondent);
      await addNote(db, person.id, { body: `Note about customer ${i}` });
      await addTask(db, person.id, `Call customer ${i}`);
      people.push([correspondent, person]);
    }
    const show = async (i: number) => {
      const [correspondent, person] = people[i]!;
      dom.render(<PersonView key={person.id} correspondent={correspondent} person={person} context={thread} />);
      // The lists and the card's actions are later parts (later.tsx), imported on first use: the
      // first person waits for that import; the count is read once they are all in.
      const loaded = { timeout: 10_000 };
      await vi.waitFor(() => expect(dom.container.textContent).toContain(`Note about customer ${i}`), loaded);
      await vi.waitFor(() => expect(dom.container.textContent).toContain(`Call customer ${i}`), loaded);
      await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=keep-in-touch]')).not.toBeNull(), loaded);
    };

    // Read once no part has subscribed or let go for a while: later parts and their reads arrive
    // one after another, over more time on a busy machine.
    const settled = async () => {
      for (let last = -1; ;) {
        const now = openLiveQueries();
        if (now === last) return now;
        last = now;
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    await show(0);
    const forOne = await settled();
    expect(forOne).toBeGreaterThan(before);
    for (let i = 1; i < people.length; i++) {
      await show(i);
      // Equal again once this person's parts are in and the last one's are gone; a leak never is.
      await vi.waitFor(() => expect(openLiveQueries()).toBe(forOne), { timeout: 8000 });
    }
    dom.render(null);
    await vi.waitFor(() => expect(openLiveQueries()).toBe(before));
  });
});
