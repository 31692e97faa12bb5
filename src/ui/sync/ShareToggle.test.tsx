// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { addNote } from '../../storage/records/notes';
import { createPerson } from '../../storage/records/people';
import { joinTeam } from '../../sync/client/account';
import { setMeta } from '../../sync/client/state';
import { startSimServer, type SimServer } from '../../../test/sync/sim/server';
import { ShareToggle } from './ShareToggle';
import { ShareViewerContext, useShareViewer } from './share-viewer';
import { SyncStatus } from './SyncStatus';
import { testRoot } from '../../../test/support/react-root';
import { emptySharedDb } from '../../../test/support/db';

let server: SimServer;

beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  await emptySharedDb();
  await server.close();
});
const dom = testRoot();

/** The toggle as a row renders it: fed the live record. */
function NoteRow({ id }: { id: string }) {
  const note = useLiveQuery(() => db.notes.get(id), [id]);
  const viewer = useShareViewer();
  return note ? (
    <ShareViewerContext value={viewer}>
      <ShareToggle entity="notes" record={note} />
    </ShareViewerContext>
  ) : null;
}

const toggle = () => dom.container.querySelector<HTMLButtonElement>('[data-testid=share-toggle]');

describe('ShareToggle', () => {
  it('shares with one click before joining, and the choice reaches the team on joining', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    const note = await addNote(db, person.id, { body: 'likes tea' });
    dom.render(<NoteRow id={note.id} />);
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('Private'));
    expect(toggle()?.title).toMatch(/when you join/);
    toggle()!.click();
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('Shared on joining'));
    expect(toggle()?.getAttribute('aria-pressed')).toBe('true');
    expect((await db.people.get(person.id))?.scope).toBe('team');

    await joinTeam(db, { inviteCode: await server.invite(), deviceName: 'Test' }, { fetch: server.fetch });
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('Shared'));
    expect((await db.notes.get(note.id))?.scope).toBe('team');
    toggle()!.click();
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('Private'));
    expect((await db.notes.get(note.id))?.scope).toMatch(/^user:/);
  });

  it('shows a teammate’s record as shared, without a switch', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    const note = await addNote(db, person.id, { body: 'from a teammate' });
    await db.notes.update(note.id, { ownerId: 'teammate', scope: 'team' });
    dom.render(<NoteRow id={note.id} />);
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=share-state]')?.textContent).toBe('Shared'));
    expect(toggle()).toBeNull();
  });
});

describe('SyncStatus in the panel', () => {
  it('links to the refused changes when there are any', async () => {
    await setMeta(db, 'account', { serverUrl: 'https://sync.sim.test', token: 't', teamId: 'team', userId: 'u', deviceId: 'd' });
    await setMeta(db, 'syncStatus', { pending: 0, lastSyncAt: Date.now() });
    const onReview = vi.fn();
    dom.render(<SyncStatus onSyncNow={() => Promise.resolve()} onReview={onReview} />);
    await vi.waitFor(() => expect(dom.container.textContent).toContain('Synced just now'));
    expect(dom.container.textContent).not.toContain('refused');
    await db.rejected.add({
      clientSeq: 3,
      entity: 'notes',
      id: 'n1',
      set: { body: 'x' },
      hlc: 'h',
      state: 'sent',
      code: 'FORBIDDEN',
      message: 'Only the owner…',
      at: Date.now(),
    });
    await vi.waitFor(() => expect(dom.container.textContent).toContain('1 change refused'));
    [...dom.container.querySelectorAll('button')].find((b) => b.textContent === '1 change refused')!.click();
    expect(onReview).toHaveBeenCalledOnce();
  });
});
