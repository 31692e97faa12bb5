import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATCH_UP_PROGRESS } from '../../../src/messaging/protocol';
import type { ClydeDB } from '../../../src/storage/db';
import { addIdentity } from '../../../src/storage/records/identity';
import { findPersonByIdentity } from '../../../src/storage/records/identity-lookup';
import { addNote } from '../../../src/storage/records/notes';
import { addNeverLog } from '../../../src/storage/records/never-log';
import { writeRecord } from '../../../src/storage/records/write';
import { lookupsOf, Prioritized, pullAbout } from '../../../src/sync/client/about';
import type { Fetch } from '../../../src/sync/client/api';
import { syncOnce } from '../../../src/sync/client/runner';
import { startSyncService, type ServiceHost } from '../../../src/sync/client/service';
import { getMeta } from '../../../src/sync/client/state';
import { apiFor } from '../../support/sync-client';
import { simSuite } from '../../support/sim-suite';

const sim = simSuite();
const { member } = sim;
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const sync = async (db: ClydeDB, fetch: Fetch = sim.server.fetch, extra: Partial<Parameters<typeof syncOnce>[2]> = {}) =>
  syncOnce(db, await apiFor(db, fetch), { now: () => Date.now(), pullLimit: 10, ...extra });

/** `n` people shared with the team, each with one address; then `edits` more changes to the first. */
async function team(a: ClydeDB, n: number, edits = 0, from = 0) {
  const people = [];
  for (let i = from; i < from + n; i++) {
    const p = await writeRecord(a, 'people', `p-${i}`, { name: `Person ${i}`, scope: 'team' }, { create: true });
    const id = await addIdentity(a, p.id, 'email', `person${i}@example.com`);
    await writeRecord(a, 'identities', id.id, { scope: 'team' });
    people.push(p);
  }
  for (let e = 0; e < edits; e++) await writeRecord(a, 'people', 'p-0', { name: `Person 0, take ${e}` });
  await syncOnce(a, await apiFor(a, sim.server.fetch), { now: () => Date.now() });
  return people;
}

/** A fetch that calls `onPull` before each pull request after the first goes out. */
function watchingPulls(onPull: (n: number) => Promise<void>, base: Fetch = sim.server.fetch): Fetch {
  let pulls = 0;
  return async (url, init) => {
    if (url.includes('/v1/sync/pull?') && pulls++ > 0) await onPull(pulls);
    return base(url, init);
  };
}

describe('catch-up progress', () => {
  it('counts records, not changes, page by page, and is gone once caught up', async () => {
    const a = await member();
    // 50 records in 65 changes: progress says 50, however often they were edited.
    await team(a, 25, 15);
    const b = await member();
    const seen: unknown[] = [];
    await sync(
      b,
      watchingPulls(async () => void seen.push(await getMeta(b, 'catchUp'))),
    );
    // Five pages of ten. Each pull after the first is asked for (prefetched) while the page before
    // it is applied: the second before the first page's count is in, the others one page behind.
    expect(seen).toEqual([undefined, ...[10, 20, 30].map((done) => ({ done, total: 50, upTo: expect.any(Number) }))]);
    expect(await getMeta(b, 'catchUp')).toBeUndefined();
    expect(await b.people.count()).toBe(25);
    expect(await b.identities.count()).toBe(25);
  });

  it('announces each committed count to the extension’s pages, and the end, as the catch-up goes', async () => {
    const a = await member();
    await team(a, 25, 15);
    const b = await member();
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(CATCH_UP_PROGRESS);
    channel.addEventListener('message', ({ data }: MessageEvent<unknown>) => {
      heard.push(data);
    });
    const stored: unknown[] = [];
    await sync(
      b,
      watchingPulls(async () => void stored.push(await getMeta(b, 'catchUp'))),
    );
    await vi.waitFor(() => expect(heard.at(-1)).toBeNull());
    channel.close();
    // The count as each page committed it: the first once the server's total is in, then one a page.
    const progress = (done: number) => ({ done, total: 50, upTo: expect.any(Number) });
    expect(heard).toEqual([progress(10), progress(20), progress(30), progress(40), null]);
    // What the pages announced is what IndexedDB holds after each commit.
    for (const value of stored.filter(Boolean)) expect(heard).toContainEqual(value);
  });

  it('resumes the count after a stop halfway, and a small pull counts nothing', async () => {
    const a = await member();
    await team(a, 20);
    const b = await member();
    const failing: Fetch = async (url, init) => {
      if (url.includes('cursor=') && !url.includes('cursor=0') && ((await getMeta(b, 'catchUp'))?.done ?? 0) >= 20)
        throw new TypeError('offline');
      return sim.server.fetch(url, init);
    };
    await expect(sync(b, failing)).rejects.toThrow();
    const halfway = await getMeta(b, 'catchUp');
    expect(halfway).toMatchObject({ total: 40 });
    expect(halfway!.done).toBeGreaterThanOrEqual(20);
    expect(halfway!.done).toBeLessThan(40);
    // Meanwhile the team grows: the resumed count covers that too.
    await team(a, 25, 0, 20);
    const totals: number[] = [];
    await sync(
      b,
      watchingPulls(async () => {
        const c = await getMeta(b, 'catchUp');
        if (c) totals.push(c.total);
      }),
    );
    // The stopped count until the first page is in; then what was done plus what is left: 90 records.
    expect(new Set(totals)).toEqual(new Set([40, 90]));
    expect(totals.at(-1)).toBe(90);
    expect(await getMeta(b, 'catchUp')).toBeUndefined();
    expect(await b.people.count()).toBe(45);
    // A change or two is one page: no progress line for it.
    await writeRecord(a, 'people', 'p-1', { name: 'Renamed' });
    await sync(a);
    let during: unknown = 'unread';
    await sync(b, async (url, init) => {
      const res = await sim.server.fetch(url, init);
      if (url.includes('/v1/sync/pull?')) during = await getMeta(b, 'catchUp');
      return res;
    });
    expect(during).toBeUndefined();
    expect((await b.people.get('p-1'))?.name).toBe('Renamed');
  });

  it('goes on without progress or priority when the server has neither route', async () => {
    const a = await member();
    await team(a, 15);
    const b = await member();
    const oldServer: Fetch = (url, init) =>
      /\/v1\/sync\/(about|pull\/count)/.test(url)
        ? Promise.resolve(new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'No such route.' }), { status: 404 }))
        : sim.server.fetch(url, init);
    expect(await pullAbout(b, await apiFor(b, oldServer), ['email:person3@example.com'], new Prioritized())).toBe(0);
    const progress: unknown[] = [];
    await sync(
      b,
      watchingPulls(async () => void progress.push(await getMeta(b, 'catchUp')), oldServer),
    );
    expect(progress).toEqual([undefined, undefined]);
    expect(await b.people.count()).toBe(15);
  });
});

describe('prioritized pull', () => {
  it('brings the person on screen and their records before the catch-up, which then goes on as usual', async () => {
    const a = await member();
    await team(a, 30);
    const ana = await writeRecord(a, 'people', 'p-ana', { name: 'Ana', scope: 'team' }, { create: true });
    const address = await addIdentity(a, ana.id, 'email', 'Ana@Acme.com');
    await writeRecord(a, 'identities', address.id, { scope: 'team' });
    for (let i = 0; i < 5; i++) {
      const note = await addNote(a, ana.id, { body: `note ${i}` });
      await writeRecord(a, 'notes', note.id, { scope: 'team' });
    }
    await addNote(a, ana.id, { body: 'private to a' });
    await sync(a);

    const b = await member();
    const lookups = lookupsOf([
      { email: 'ana@ACME.com', role: 'from' },
      { handle: '@Someone', role: 'cc' },
    ]);
    expect(lookups).toEqual(['email:ana@acme.com', 'x:someone']);
    expect(await pullAbout(b, await apiFor(b, sim.server.fetch), lookups, new Prioritized())).toBe(7);
    expect((await findPersonByIdentity(b, 'email', 'ana@acme.com'))?.name).toBe('Ana');
    expect((await b.notes.where('personId').equals('p-ana').toArray()).map((n) => n.body).sort()).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
    ]);
    // Nothing else came, and the catch-up has not moved.
    expect(await b.people.count()).toBe(1);
    expect(await getMeta(b, 'cursor')).toBeUndefined();
    await sync(b);
    expect(await b.people.count()).toBe(31);
    expect(await b.notes.count()).toBe(5);
    expect(await b.outbox.count()).toBe(0);
  });

  it('never takes a record back in time, whichever of the two arrives last', async () => {
    const a = await member();
    await team(a, 30);
    const note = await addNote(a, 'p-29', { body: 'first' });
    await writeRecord(a, 'notes', note.id, { scope: 'team' });
    await sync(a);
    const b = await member();
    const api = await apiFor(b, sim.server.fetch);
    const prioritized = new Prioritized();
    const lookups = ['email:person29@example.com'];
    // A page read before an edit, applied after the prioritized pull that brought the edit.
    let once = false;
    const slowPage: Fetch = async (url, init) => {
      const res = await sim.server.fetch(url, init);
      if (url.includes('/v1/sync/pull?') && !once) {
        once = true;
        await writeRecord(a, 'notes', note.id, { body: 'second' });
        await sync(a);
        expect(await pullAbout(b, api, lookups, prioritized)).toBeGreaterThan(0);
        expect((await b.notes.get(note.id))?.body).toBe('second');
      }
      return res;
    };
    await sync(b, slowPage, { pullLimit: 1000, prioritized });
    expect((await b.notes.get(note.id))?.body).toBe('second');

    // A prioritized answer older than what the device holds by then changes nothing.
    const stale = await api.about((await getMeta(b, 'device'))!.clientId, lookups);
    await writeRecord(a, 'notes', note.id, { body: 'third' });
    await sync(a);
    await sync(b);
    expect((await b.notes.get(note.id))?.body).toBe('third');
    const replay = { ...api, about: async () => stale };
    expect(await pullAbout(b, replay, lookups, new Prioritized())).toBe(0);
    expect((await b.notes.get(note.id))?.body).toBe('third');
  });

  it('a joining device applies the people on screen before it asks for the first page', async () => {
    const a = await member();
    await team(a, 25);
    const b = await member();
    let shownBeforeFirstPage: string | undefined | null = null;
    const fetch: Fetch = async (url, init) => {
      if (url.includes('/v1/sync/pull?') && shownBeforeFirstPage === null) {
        shownBeforeFirstPage = (await findPersonByIdentity(b, 'email', 'person24@example.com'))?.name;
      }
      // A server slower to answer this than a page: the page must still wait for it.
      if (url.endsWith('/v1/sync/about')) await new Promise((resolve) => setTimeout(resolve, 200));
      return sim.server.fetch(url, init);
    };
    const host: ServiceHost = { createAlarm: () => {}, onAlarm: () => () => {}, withLock: (_, fn) => fn() };
    const service = startSyncService({
      db: b,
      fetch,
      host,
      setTimer: () => () => {},
      onScreen: async () => [{ email: 'person24@example.com', role: 'from' }],
    });
    stops.push(() => service.stop());
    // The service starts its round on its own, once it has read the account.
    await vi.waitFor(async () => expect(await b.people.count()).toBe(25), { timeout: 10_000 });
    expect(shownBeforeFirstPage).toBe('Person 24');
  });

  it('the service asks only while catching up, once per person, and never about a never-log address', async () => {
    const a = await member();
    await team(a, 5);
    const b = await member();
    await addNeverLog(b, 'person2@example.com');
    const asked: string[][] = [];
    const fetch: Fetch = async (url, init) => {
      if (url.endsWith('/v1/sync/about')) asked.push(JSON.parse(String(init.body)).identities);
      return sim.server.fetch(url, init);
    };
    const host: ServiceHost = { createAlarm: () => {}, onAlarm: () => () => {}, withLock: (_, fn) => fn() };
    const service = startSyncService({
      db: b,
      fetch,
      host,
      setTimer: () => () => {},
      onScreen: async () => [{ email: 'person1@example.com', role: 'from' }],
    });
    stops.push(() => service.stop());
    await service.prioritize([
      { email: 'person1@example.com', role: 'from' },
      { email: 'person2@example.com', role: 'cc' },
    ]);
    await service.prioritize([{ email: 'person1@example.com', role: 'from' }]);
    await service.idle();
    expect(asked).toEqual([['email:person1@example.com']]);
    expect(await b.people.count()).toBe(5);
    // Caught up: pages shown from now on are read from the device alone.
    await service.prioritize([{ email: 'person3@example.com', role: 'from' }]);
    expect(asked).toHaveLength(1);
  });
});
