// @vitest-environment happy-dom
// Rendered without act(): the views update from liveQuery, so the test waits for what shows.
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../../storage/db';
import { startSimServer, type SimServer } from '../../sync/sim/server';
import { getMeta, setMeta } from '../../sync/client/state';
import { freshClientDb } from '../../sync/client/testing';
import { SyncStatus } from './SyncStatus';
import { TeamSettings } from './TeamSettings';

vi.mock('./sendSyncNow', () => ({ sendSyncNow: () => Promise.resolve() }));

let server: SimServer;
let db: ClydeDB;
let root: Root;
let container: HTMLElement;

beforeEach(async () => {
  server = await startSimServer();
  db = freshClientDb().db;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  root.unmount();
  container.remove();
  db.close();
  await server.close();
});

/** Sets an input's value the way React notices (its value tracker). */
function type(el: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const inputs = () => [...container.querySelectorAll('input')];

describe('Settings → Team', () => {
  it('explains a bad invite and joins with a good one', async () => {
    root.render(<TeamSettings db={db} fetch={server.fetch} />);
    await vi.waitFor(() => expect(container.textContent).toContain('Connect to a team'));
    type(inputs()[0]!, 'http://evil.example/join#inv_nope');
    container.querySelector('form')!.requestSubmit();
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toMatch(/not a Clyde invite/));
    const link = await server.invite();
    type(inputs()[0]!, link);
    container.querySelector('form')!.requestSubmit();
    await vi.waitFor(async () => expect(await getMeta(db, 'account')).toBeDefined());
    await vi.waitFor(() => expect(container.textContent).toContain('Connected to https://sync.sim.test'));
    expect(container.textContent).toContain('No refused changes.');
  });

  it('shows the sync status line with pending changes and the reason of the last error', async () => {
    await setMeta(db, 'account', { serverUrl: 'https://sync.sim.test', token: 't', teamId: 'team', userId: 'u', deviceId: 'd' });
    await setMeta(db, 'syncStatus', { pending: 2, lastSyncAt: Date.now(), lastError: { code: 'CLIENT_TOO_OLD', message: 'x' } });
    root.render(<SyncStatus db={db} onSyncNow={() => Promise.resolve()} />);
    await vi.waitFor(() => expect(container.textContent).toContain('2 changes waiting to sync'));
    expect(container.textContent).toContain('Synced just now');
    expect(container.querySelector('[role=alert]')?.textContent).toMatch(/Update Clyde/);
    expect(container.querySelector('button')?.textContent).toBe('Sync now');
  });
});
