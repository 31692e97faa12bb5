import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../src/sync/protocol';
import { createApp } from './app';
import { createSqliteStore } from './store/sqlite';
import type { SyncStore } from './store/types';
import { newPerson, startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

const EXTENSION = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;

describe.each(storeCases)('HTTP edge ($name)', (storeCase) => {
  let h: Harness;
  let m: Member;
  beforeEach(async () => {
    h = await startHarness(storeCase);
    m = await h.join(await h.newTeam());
  });
  afterEach(() => h.close());

  it('marks every answer no-store, errors included', async () => {
    for (const res of [await m.call('GET', '/v1/me'), await h.app.request('/v1/me'), await h.app.request('/nowhere')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('allows extension origins and no others', async () => {
    const preflight = (origin: string) =>
      h.app.request('/v1/sync/push', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await preflight(EXTENSION)).headers.get('access-control-allow-origin')).toBe(EXTENSION);
    const firefox = 'moz-extension://0d2f8a8e-4c5b-4d36-9a37-5f3f0a4c2b1e';
    expect((await preflight(firefox)).headers.get('access-control-allow-origin')).toBe(firefox);
    for (const origin of ['https://mail.google.com', 'null', `${EXTENSION}.evil.com`]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses bodies over 1 MB with 413 and non-JSON with 415', async () => {
    const big = { protocol: PROTOCOL_VERSION, clientId: m.clientId, schemaVersion: SCHEMA_VERSION, ops: [], pad: 'x'.repeat(1024 * 1024) };
    const res = await m.call('POST', '/v1/sync/push', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'TOO_LARGE' });
    const text = await h.app.request('/v1/sync/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${m.token}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    const res = await m.call('DELETE', '/v1/sync/push');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('server internals stay inside', () => {
  it('turns an unexpected error into a bare 500 without stack or SQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clyde-server-'));
    const real = createSqliteStore({ dataDir: dir });
    await real.migrate();
    const failing: SyncStore = { ...real, push: () => Promise.reject(new Error('SELECT secret FROM op_log near "x": syntax error')) };
    const app = createApp({ store: failing, limits: false });
    const h = await startHarness({ name: 'sqlite', open: async () => ({ store: real, cleanup: async () => undefined }) });
    const m = await h.join(await h.newTeam());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await app.request('/v1/sync/push', {
        method: 'POST',
        headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          clientId: m.clientId,
          schemaVersion: SCHEMA_VERSION,
          ops: [newPerson(1, 'p', m)],
        }),
      });
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ code: 'INTERNAL', message: 'Internal server error.' });
      expect(body).not.toMatch(/SELECT|secret|at /);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores tokens and invite codes only as hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clyde-server-'));
    const store = createSqliteStore({ dataDir: dir });
    const h = await startHarness({ name: 'sqlite', open: async () => ({ store, cleanup: async () => undefined }) });
    const m = await h.join(await h.newTeam(), 'admin');
    const invite = (await (await m.call('POST', '/v1/invites', {})).json()) as { code: string };
    await store.close();
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(bytes).toContain(m.userId);
    expect(bytes).not.toContain(m.token.slice(4));
    expect(bytes).not.toContain(invite.code.slice(4));
    rmSync(dir, { recursive: true, force: true });
  });
});
