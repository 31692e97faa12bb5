// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySharedDb, freshClientDb } from '../../../test/support/db';
import { testRoot } from '../../../test/support/react-root';
import { apiFor, joinWith } from '../../../test/support/sync-client';
import { startSimServer, type SimServer } from '../../../test/sync/sim/server';
import { inviteLink, issueInvite } from '../../../server/invites';
import { db, type ClydeDB } from '../../storage/db';
import { addNote, updateNote } from '../../storage/records/notes';
import { addTask } from '../../storage/records/tasks';
import { writeRecord } from '../../storage/records/write';
import { syncOnce } from '../../sync/client/runner';
import { getMeta } from '../../sync/client/state';
import { createOpportunity, moveOpportunity, updateOpportunity } from '../../opportunities/opportunities';
import { setShared } from '../../sync/client/share';
import { OpportunityPage } from '../company/OpportunityPage';
import { TaskList } from '../TaskList';
import { Timeline } from '../Timeline';
import { ShareViewerContext, useShareViewer } from './share-viewer';

/**
 * Issue #15 point 4 in the panel: the author of an edit that lost to a teammate's sees it, and a
 * teammate's shared note offers no working Delete. The panel's database is `db` (this browser);
 * the teammate works on a database of their own; both sync with the real server in process.
 */

let server: SimServer;
let others: ClydeDB[] = [];
beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  for (const o of others) o.close();
  others = [];
  await emptySharedDb();
  await server.close();
});
const dom = testRoot();

async function join(target: ClydeDB, name: string, role: 'admin' | 'member' = 'member') {
  const now = Date.now();
  const { code } = await issueInvite(server.store(), now, {
    teamId: server.teamId,
    role,
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: now + 60_000,
  });
  await joinWith(target, inviteLink('https://sync.sim.test', code), server.fetch, name);
}
const sync = async (target: ClydeDB) => syncOnce(target, await apiFor(target, server.fetch), { now: () => Date.now() });
async function teammate(name: string) {
  const { db: other } = freshClientDb('teammate');
  others.push(other);
  await join(other, name);
  return other;
}

function Panel({ personId }: { personId: string }) {
  const viewer = useShareViewer();
  return (
    <ShareViewerContext value={viewer}>
      <Timeline personId={personId} />
      <TaskList personId={personId} />
    </ShareViewerContext>
  );
}

/** A shared person and shared note written on `author`, synced to everyone in `all`. */
async function sharedNote(author: ClydeDB, all: ClydeDB[], body: string) {
  const person = await writeRecord(author, 'people', crypto.randomUUID(), { name: 'Ada', scope: 'team' }, { create: true });
  const note = await addNote(author, person.id, { body });
  await writeRecord(author, 'notes', note.id, { scope: 'team' });
  await sync(author);
  for (const d of all) await sync(d);
  return { personId: person.id, noteId: note.id };
}

const notice = () => dom.container.querySelector('[data-testid=lost-edit]');
const button = (text: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === text);

// Each test runs several sync rounds against the real server in process: more than the unit
// default on a shared machine, and the panel follows each round through liveQuery.
const ROUNDS = { timeout: 30_000 };
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5000 });

describe('LostEditLine', ROUNDS, () => {
  it('shows the author what replaced their edit, and whose it is; "Use mine" puts theirs back for the team', async () => {
    await join(db, 'Ann');
    const bob = await teammate('Bob');
    const { personId, noteId } = await sharedNote(db, [bob], 'Prefers calls');
    dom.render(<Panel personId={personId} />);

    await updateNote(db, noteId, { body: 'Calls after 4 only' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, noteId, { body: 'Email first, never calls' });
    await sync(bob);
    await sync(db);

    await waitFor(() =>
      expect(notice()?.textContent).toBe(
        'Your edit “Calls after 4 only” was replaced by Bob’s “Email first, never calls” (just now) — Use mine ×',
      ),
    );
    expect(dom.container.querySelector('[data-note-id] .whitespace-pre-wrap')?.textContent).toBe('Email first, never calls');

    button('Use mine')!.click();
    await waitFor(() => expect(notice()).toBeNull());
    expect((await db.notes.get(noteId))?.body).toBe('Calls after 4 only');
    expect(await getMeta(db, 'lostEdits')).toEqual([]);
    await sync(db);
    await sync(bob);
    expect((await bob.notes.get(noteId))?.body).toBe('Calls after 4 only');
  });

  it('lets the author keep theirs with ×, and goes by itself when anyone edits the text again', async () => {
    await join(db, 'Ann');
    const bob = await teammate('Bob');
    const { personId, noteId } = await sharedNote(db, [bob], 'Prefers calls');
    const task = await addTask(db, personId, 'Send the quote');
    await writeRecord(db, 'tasks', task.id, { scope: 'team' });
    await sync(db);
    await sync(bob);
    dom.render(<Panel personId={personId} />);

    await updateNote(db, noteId, { body: 'Mine' });
    await writeRecord(db, 'tasks', task.id, { title: 'Send the quote today' });
    await new Promise((r) => setTimeout(r, 5));
    await updateNote(bob, noteId, { body: 'Theirs' });
    await writeRecord(bob, 'tasks', task.id, { title: 'Send the quote by Friday' });
    await sync(bob);
    await sync(db);
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=lost-edit]')).toHaveLength(2));

    // × on the task's notice: theirs stays. The name comes at the end of the round, after the
    // notice first showed "a teammate": waited for, not read from the first drawing.
    const taskNotice = () => dom.container.querySelector('[data-testid=task] [data-testid=lost-edit]');
    await waitFor(() =>
      expect(taskNotice()?.textContent).toContain('Your edit “Send the quote today” was replaced by Bob’s “Send the quote by Friday”'),
    );
    taskNotice()!.querySelector<HTMLButtonElement>('button[aria-label=Dismiss]')!.click();
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=lost-edit]')).toHaveLength(1));
    expect((await db.tasks.get(task.id))?.title).toBe('Send the quote by Friday');

    // Bob edits the note again: the notice about his earlier text is moot.
    await updateNote(bob, noteId, { body: 'Theirs, revised' });
    await sync(bob);
    await sync(db);
    await waitFor(() => expect(notice()).toBeNull());
  });
});

describe('LostEditLine on a deal', ROUNDS, () => {
  it('names the field and reads the amount as a number; a lost stage move is not a text to take back', async () => {
    await join(db, 'Ann');
    const bob = await teammate('Bob');
    const person = await writeRecord(db, 'people', crypto.randomUUID(), { name: 'Ada' }, { create: true });
    const deal = await createOpportunity(db, { title: 'Rollout', personIds: [person.id], value: 10_000, currency: 'EUR' });
    await setShared(db, 'opportunities', deal.id, true);
    await sync(db);
    await sync(bob);
    function Page() {
      const viewer = useShareViewer();
      return (
        <ShareViewerContext value={viewer}>
          <OpportunityPage id={deal.id} onBack={() => undefined} />
        </ShareViewerContext>
      );
    }
    dom.render(<Page />);

    await updateOpportunity(db, deal.id, { value: 12_500 });
    await moveOpportunity(db, deal.id, 'stage-qualified');
    await new Promise((r) => setTimeout(r, 5));
    await updateOpportunity(bob, deal.id, { value: 9_000 });
    await moveOpportunity(bob, deal.id, 'stage-proposal');
    await sync(bob);
    await sync(db);

    await waitFor(() => expect(notice()?.textContent).toMatch(/^Your edit of value “12,500” was replaced by Bob’s “9,000” \(/));
    expect(dom.container.querySelectorAll('[data-testid=lost-edit]')).toHaveLength(1);
    expect((await getMeta(db, 'lostEdits'))?.map((e) => e.field)).toEqual(['value']);
    button('Use mine')!.click();
    await waitFor(() => expect(notice()).toBeNull());
    expect((await db.opportunities.get(deal.id))?.value).toBe(12_500);
  });
});

describe("a teammate's shared note", ROUNDS, () => {
  it('offers no working Delete to a member: ✕ says why, and nothing is deleted', async () => {
    const ann = await teammate('Ann');
    await join(db, 'Bob');
    const { personId, noteId } = await sharedNote(ann, [db], 'Prefers calls');
    const own = await addNote(db, personId, { body: 'Bob’s own note' });
    dom.render(<Panel personId={personId} />);
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=note]')).toHaveLength(2));

    const del = dom.container.querySelector<HTMLButtonElement>(`[data-note-id="${noteId}"] button[aria-label="Delete note"]`)!;
    expect(del.getAttribute('aria-disabled')).toBe('true');
    expect(del.title).toMatch(/only its author or a team admin can delete it/);
    del.click();
    await waitFor(() =>
      expect(dom.container.querySelector('[data-testid=delete-refused]')?.textContent).toBe(
        'Shared by a teammate: only its author or a team admin can delete it. You can still edit it.',
      ),
    );
    expect((await db.notes.get(noteId))?.deleted).toBe(false);
    expect((await db.outbox.toArray()).filter((op) => op.id === noteId)).toEqual([]);

    // Their own note deletes as before.
    dom.container.querySelector<HTMLButtonElement>(`[data-note-id="${own.id}"] button[aria-label="Delete note"]`)!.click();
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=note]')).toHaveLength(1));
  });

  it('deletes for a team admin', async () => {
    const ann = await teammate('Ann');
    await join(db, 'Boss', 'admin');
    const { personId, noteId } = await sharedNote(ann, [db], 'Prefers calls');
    expect(await getMeta(db, 'role')).toBe('admin');
    dom.render(<Panel personId={personId} />);
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=note]')).toHaveLength(1));
    const del = dom.container.querySelector<HTMLButtonElement>(`[data-note-id="${noteId}"] button[aria-label="Delete note"]`)!;
    expect(del.getAttribute('aria-disabled')).toBeNull();
    del.click();
    await waitFor(() => expect(dom.container.querySelectorAll('[data-testid=note]')).toHaveLength(0));
    await sync(db);
    expect(await db.rejected.count()).toBe(0);
    // Accepted, and erased here as everywhere (sync/erase.ts): no record comes back from the server.
    expect(await db.notes.get(noteId)).toBeUndefined();
    expect(await db.srv.get(['notes', noteId])).toMatchObject({ values: { deleted: true } });
  });
});
