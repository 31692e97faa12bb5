// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_PROGRESS } from '../../messaging/protocol';
import { db } from '../../storage/db';
import { setMeta } from '../../sync/client/state';
import { SyncStatus } from './SyncStatus';
import { testRoot } from '../../../test/support/react-root';
import { emptySharedDb } from '../../../test/support/db';

afterEach(() => emptySharedDb());
const dom = testRoot();

describe('the sync status line during a catch-up', () => {
  it('shows how many records have come of how many, and follows the count until it is gone', async () => {
    await setMeta(db, 'account', { serverUrl: 'https://sync.sim.test', token: 't', teamId: 'team', userId: 'u', deviceId: 'd' });
    await setMeta(db, 'catchUp', { done: 42_000, total: 100_000, upTo: 130_000 });
    dom.render(<SyncStatus onSyncNow={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(dom.container.textContent).toContain('Catching up with the team: 42,000 of 100,000 records'));
    const bar = dom.container.querySelector('progress')!;
    expect([bar.value, bar.max]).toEqual([42_000, 100_000]);
    expect(dom.container.textContent).toContain('Not synced yet');
    await setMeta(db, 'catchUp', { done: 43_000, total: 100_000, upTo: 130_000 });
    await vi.waitFor(() => expect(dom.container.textContent).toContain('43,000 of 100,000'));
    await db.meta.delete('catchUp');
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=catch-up]')).toBeNull());
  });

  it('follows the count the background announces as pages commit, ahead of what it can read yet', async () => {
    await setMeta(db, 'account', { serverUrl: 'https://sync.sim.test', token: 't', teamId: 'team', userId: 'u', deviceId: 'd' });
    await setMeta(db, 'catchUp', { done: 10_000, total: 100_000, upTo: 130_000 });
    dom.render(<SyncStatus onSyncNow={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(dom.container.textContent).toContain('10,000 of 100,000'));
    const background = new BroadcastChannel(CATCH_UP_PROGRESS);
    // What the pages read stays behind (their reads wait for the catch-up's writes); the announcement does not.
    background.postMessage({ done: 72_000, total: 100_000, upTo: 130_000 });
    await vi.waitFor(() => expect(dom.container.textContent).toContain('72,000 of 100,000'));
    // Something that is no count changes nothing.
    background.postMessage({ done: 'lots' });
    await new Promise((r) => setTimeout(r, 20));
    expect(dom.container.textContent).toContain('72,000 of 100,000');
    background.postMessage(null);
    await vi.waitFor(() => expect(dom.container.querySelector('[data-testid=catch-up]')).toBeNull());
    background.close();
  });
});
