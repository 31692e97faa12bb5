import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../src/sync/hlc';
import { ENTITIES, PROTOCOL_VERSION, SCHEMA_VERSION } from '../src/sync/protocol';
import { startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

/**
 * Hostile bodies to every route (security.md req. 23): random values, random JSON text, wrong
 * content types, oversize and deeply nested bodies, and push bodies that are nearly right so
 * they reach the store. Nothing may produce a 5xx, and Object.prototype must stay untouched.
 */

const ALLOWED = new Set([200, 400, 401, 403, 404, 409, 413, 415, 426, 429]);
const RUNS = 60;

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);

/** Raw body text: JSON of anything, random JSON text, junk, or nesting far past any sane depth. */
const bodyText = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return '{}';
    }
  }),
  fc.json(),
  fc.string({ unit: 'binary' }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '[', '', 'null', '1e999'),
);

const hlc = fc.oneof(
  fc
    .record({ wall: fc.nat({ max: 36 ** 9 - 1 }), counter: fc.nat({ max: 36 ** 4 - 1 }), node: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) })
    .map(formatHlc),
  fc.string(),
);
const fieldName = fc.oneof(
  fc.constantFrom(
    'name',
    'scope',
    'ownerId',
    'deleted',
    'personId',
    'body',
    'kind',
    'occurredAt',
    'companyId',
    'stageId',
    'stageAt',
    'order',
    'outcome',
    'opportunityId',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string(),
);
const fieldValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('team', 'user:x', '\u0000'),
);

/** Push bodies with the right frame and random content, so the store sees odd ids and values. */
const nearlyValidPush = fc
  .record({
    clientId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    ops: fc.array(
      fc.record({
        entity: fc.constantFrom(...ENTITIES),
        id: fc.oneof(
          fc.string({ minLength: 1 }),
          fc.string({ unit: 'binary', minLength: 1 }),
          fc.constantFrom('__proto__', 'constructor', 'a\u0000b'),
        ),
        set: fc.dictionary(fieldName, fieldValue, { maxKeys: 8 }),
        hlc,
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ clientId, ops }) => ({
    protocol: PROTOCOL_VERSION,
    clientId,
    schemaVersion: SCHEMA_VERSION,
    ops: ops.map((op, i) => ({ clientSeq: i + 1, ...op })),
  }));

const query = fc.dictionary(
  fc.constantFrom('cursor', 'limit', 'clientId', 'schemaVersion', 'upTo', 'x', '__proto__'),
  fc.oneof(fc.nat().map(String), fc.string(), fc.constant('-1'), fc.constant('1e3')),
);

describe.each(storeCases)('fuzzed requests ($name)', (storeCase) => {
  let h: Harness;
  let m: Member;
  let routes: { method: string; path: string }[];
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  beforeAll(async () => {
    h = await startHarness(storeCase);
    m = await h.join(await h.newTeam(), 'admin');
    routes = h.app.routes.filter((r) => r.method !== 'ALL');
  });
  afterAll(async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await h.close();
  });

  const send = async (method: string, path: string, body: string | undefined, type: string, token: boolean) => {
    const res = await h.app.request(path, {
      method,
      headers: { ...(type ? { 'content-type': type } : {}), ...(token ? { authorization: `Bearer ${m.token}` } : {}) },
      ...(method === 'GET' || body === undefined ? {} : { body }),
    });
    if (!ALLOWED.has(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };

  it('never fails with a 5xx on random bodies, content types and queries', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(bodyText, contentType, query, fc.boolean(), async (body, type, q, token) => {
          const params = new URLSearchParams(q);
          await send(route.method, `${route.path}?${params}`, body, type, token);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('never fails with a 5xx on nearly valid pushes', async () => {
    await fc.assert(
      fc.asyncProperty(nearlyValidPush, async (body) => {
        await send('POST', '/v1/sync/push', JSON.stringify(body), 'application/json', true);
      }),
      { numRuns: RUNS * 3 },
    );
    // Whatever was accepted can be pulled back and parses.
    expect((await m.pullAll(0, 100)).length).toBeGreaterThan(0);
  });

  it('refuses bodies past 1 MB whatever they hold', async () => {
    for (const route of routes.filter((r) => r.method === 'POST')) {
      await send('POST', route.path, `"${'x'.repeat(1024 * 1024 + 1)}"`, 'application/json', true);
      const res = await m.call('POST', route.path, { pad: 'y'.repeat(1024 * 1024) });
      expect(res.status).toBe(413);
    }
  });
});
