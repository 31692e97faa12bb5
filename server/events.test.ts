import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION } from '../src/sync/protocol';
import { newPerson, startHarness, type Harness, type Member } from './test/harness';
import { pokes } from './test/pokes';
import { storeCases } from './test/stores';

describe.each(storeCases)('live pokes ($name)', (storeCase) => {
  let h: Harness;
  let a: Member;
  let b: Member;
  let other: Member;
  beforeEach(async () => {
    h = await startHarness(storeCase, { keepAliveMs: 20 });
    const team = await h.newTeam();
    a = await h.join(team);
    b = await h.join(team);
    other = await h.join(await h.newTeam());
  });
  afterEach(() => h.close());

  it('pokes the team with the new seq after each commit, and nobody else', async () => {
    await a.pushOk([newPerson(1, 'p1', a)]);
    const mine = pokes(await b.call('GET', `/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`));
    const theirs = pokes(await other.call('GET', `/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`));
    expect(await mine.next()).toBe(1);
    expect(await theirs.next()).toBe(0);
    await a.pushOk([newPerson(2, 'p2', a), newPerson(3, 'p3', a)]);
    await other.pushOk([newPerson(1, 'x', other)]);
    expect(await mine.next()).toBe(3);
    expect(await theirs.next()).toBe(1);
    // A re-push changes nothing and pokes nobody.
    await a.pushOk([newPerson(3, 'p3', a)]);
    h.hub.close();
    expect(await mine.next()).toBe('closed');
    expect(await theirs.next()).toBe('closed');
  });

  it('ends the stream once the device is revoked', async () => {
    const stream = pokes(await b.call('GET', `/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`));
    expect(await stream.next()).toBe(0);
    await b.call('POST', '/v1/devices/revoke', { deviceId: b.deviceId });
    expect(await stream.next()).toBe('closed');
    expect(h.hub.size).toBe(0);
    await stream.cancel();
  });

  it('requires a schema version and a token', async () => {
    expect((await b.call('GET', '/v1/sync/events')).status).toBe(400);
    expect((await b.call('GET', `/v1/sync/events?schemaVersion=${MIN_SCHEMA_VERSION - 1}`)).status).toBe(426);
    expect((await h.app.request(`/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`)).status).toBe(401);
  });
});
