// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { startSimServer, type SimServer } from '../../../test/sync/sim/server';
import { getMeta, setMeta } from '../../sync/client/state';
import { SyncStatus } from './SyncStatus';
import { TeamSettings } from './TeamSettings';
import { testRoot, typeInto } from '../../../test/support/react-root';
import { emptySharedDb } from '../../../test/support/db';

vi.mock('./sendSyncNow', () => ({ sendSyncNow: () => Promise.resolve() }));

let server: SimServer;

beforeEach(async () => {
  server = await startSimServer();
});
afterEach(async () => {
  await emptySharedDb();
  await server.close();
});
const dom = testRoot();

const inputs = () => [...dom.container.querySelectorAll('input')];

describe('Settings → Team', () => {
  it('explains a bad invite and joins with a good one', async () => {
    dom.render(<TeamSettings fetch={server.fetch} />);
    await vi.waitFor(() => expect(dom.container.textContent).toContain('Connect to a team'));
    typeInto(inputs()[0]!, 'http://evil.example/join#inv_nope');
    dom.container.querySelector('form')!.requestSubmit();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=alert]')?.textContent).toMatch(/not a Clyde invite/));
    const link = await server.invite();
    typeInto(inputs()[0]!, link);
    dom.container.querySelector('form')!.requestSubmit();
    await vi.waitFor(async () => expect(await getMeta(db, 'account')).toBeDefined());
    await vi.waitFor(() => expect(dom.container.textContent).toContain('Connected to https://sync.sim.test'));
    expect(dom.container.textContent).toContain('No refused changes.');
  });

  it('shows the sync status line with pending changes and the reason of the last error', async () => {
    await setMeta(db, 'account', { serverUrl: 'https://sync.sim.test', token: 't', teamId: 'team', userId: 'u', deviceId: 'd' });
    await setMeta(db, 'syncStatus', { pending: 2, lastSyncAt: Date.now(), lastError: { code: 'CLIENT_TOO_OLD', message: 'x' } });
    dom.render(<SyncStatus onSyncNow={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(dom.container.textContent).toContain('2 changes waiting to sync'));
    expect(dom.container.textContent).toContain('Synced just now');
    expect(dom.container.querySelector('[role=alert]')?.textContent).toMatch(/Update Clyde/);
    expect(dom.container.querySelector('button')?.textContent).toBe('Sync now');
  });
});
