import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../../../src/storage/db';
import { leaveTeam } from '../../../src/sync/client/account';
import { SyncApiError, type Fetch } from '../../../src/sync/client/api';
import { getMeta, setMeta, type Account } from '../../../src/sync/client/state';
import { startSyncService } from '../../../src/sync/client/service';
import { rotateTokenIfDue, TOKEN_ROTATE_EVERY_MS } from '../../../src/sync/client/token-rotation';
import { freshClientDb } from '../../support/db';
import { apiFor, joinWith } from '../../support/sync-client';
import { startSimServer, type SimServer } from '../sim/server';

let server: SimServer;
let db: ClydeDB;
beforeEach(async () => {
  server = await startSimServer();
  db = freshClientDb().db;
  await joinWith(db, await server.invite(), server.fetch);
});
afterEach(async () => {
  db.close();
  await server.close();
});

const account = async () => (await getMeta(db, 'account')) as Account;
/** Whether the server takes `token` for a read, as a sync round would use it. */
const works = async (token: string) =>
  (await server.fetch('https://sync.sim.test/v1/me', { headers: { authorization: `Bearer ${token}` } })).status === 200;
/** Counts the rotation requests that reach the server. */
function counting(inner: Fetch = server.fetch) {
  const calls: string[] = [];
  const fetch: Fetch = (url, init) => {
    if (url.endsWith('/v1/account/token')) calls.push(url);
    return inner(url, init);
  };
  return { fetch, calls };
}

describe('token rotation on the client', () => {
  it('rotates on first use after an update, and the old token stops working once the new one is used', async () => {
    const before = await account();
    expect(before.tokenRotatedAt).toBeUndefined();
    const after = await rotateTokenIfDue(db, server.fetch, 1_000);
    expect(after).toEqual({ ...before, token: expect.stringMatching(/^tok_/), tokenRotatedAt: 1_000 });
    expect(after?.token).not.toBe(before.token);
    expect(await account()).toEqual(after);
    // Until the new token is used, the old one still works (another request may be under way)…
    expect(await works(before.token)).toBe(true);
    // …a round with the new one completes the rotation, and the old one is refused from then on.
    await (await apiFor(db, server.fetch)).pull({ cursor: 0, clientId: (await getMeta(db, 'device'))!.clientId });
    expect(await works(before.token)).toBe(false);
    expect(await works(after!.token)).toBe(true);
  });

  it('rotates again only when the token is a week old', async () => {
    const { fetch, calls } = counting();
    const first = await rotateTokenIfDue(db, fetch, 1_000);
    expect(await rotateTokenIfDue(db, fetch, 1_000 + TOKEN_ROTATE_EVERY_MS - 1)).toEqual(first);
    expect(calls).toHaveLength(1);
    const second = await rotateTokenIfDue(db, fetch, 1_000 + TOKEN_ROTATE_EVERY_MS);
    expect(calls).toHaveLength(2);
    expect(second?.token).not.toBe(first?.token);
    // A clock set back before the last rotation does not postpone the next one for ever.
    await rotateTokenIfDue(db, fetch, 500);
    expect(calls).toHaveLength(3);
  });

  it('loses nothing when the answer is lost: the old token goes on and the next round rotates', async () => {
    const before = await account();
    // The server issues the token, but its answer never arrives.
    const lossy: Fetch = async (url, init) => {
      await server.fetch(url, init);
      throw new TypeError('Failed to fetch');
    };
    expect(await rotateTokenIfDue(db, lossy, 1_000)).toEqual(before);
    expect(await account()).toEqual(before);
    expect(await works(before.token)).toBe(true);
    const after = await rotateTokenIfDue(db, server.fetch, 2_000);
    expect(after?.tokenRotatedAt).toBe(2_000);
    expect(await works(after!.token)).toBe(true);
    expect(await works(before.token)).toBe(false);
  });

  it('keeps the current token when the server refuses, and says nothing itself', async () => {
    const before = await account();
    const refusing: Fetch = async () => new Response(JSON.stringify({ code: 'UNAUTHORIZED', message: 'x' }), { status: 401 });
    expect(await rotateTokenIfDue(db, refusing, 1_000)).toEqual(before);
    expect(await account()).toEqual(before);
  });

  it('does not bring an account back when the device left the team during the request', async () => {
    const leaving: Fetch = async (url, init) => {
      const res = await server.fetch(url, init);
      await leaveTeam(db);
      return res;
    };
    expect(await rotateTokenIfDue(db, leaving, 1_000)).toBeUndefined();
    expect(await getMeta(db, 'account')).toBeUndefined();
  });

  it('keeps a token set meanwhile by someone else, rather than overwriting it', async () => {
    const other = { ...(await account()), token: `tok_${'B'.repeat(43)}` };
    const racing: Fetch = async (url, init) => {
      const res = await server.fetch(url, init);
      await setMeta(db, 'account', other);
      return res;
    };
    expect(await rotateTokenIfDue(db, racing, 1_000)).toEqual(other);
    expect(await account()).toEqual(other);
  });

  it('does nothing outside a team', async () => {
    await leaveTeam(db);
    const { fetch, calls } = counting();
    expect(await rotateTokenIfDue(db, fetch, 1_000)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('gives the round an error it can show when the old token is refused for good', async () => {
    const before = await account();
    await rotateTokenIfDue(db, server.fetch, 1_000);
    const api = await apiFor(db, server.fetch);
    await api.me();
    await setMeta(db, 'account', before);
    await expect((await apiFor(db, server.fetch)).me()).rejects.toEqual(
      new SyncApiError('UNAUTHORIZED', 'Missing, unknown or revoked token.', 401),
    );
  });
});

describe('the sync service', () => {
  it('rotates the token in its first round after an update and syncs with the new one', async () => {
    const before = await account();
    const service = startSyncService({
      db,
      fetch: server.fetch,
      host: { createAlarm: () => {}, onAlarm: () => () => {}, withLock: (_name, fn) => fn() },
      setTimer: () => () => {},
    });
    try {
      await vi.waitFor(async () => expect((await account()).tokenRotatedAt).toBeDefined());
      await service.idle();
      expect((await getMeta(db, 'syncStatus'))?.lastError).toBeUndefined();
      // The round used the new token, which retired the old one.
      expect(await works(before.token)).toBe(false);
      expect(await works((await account()).token)).toBe(true);
    } finally {
      service.stop();
    }
  });
});
