import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import type { Correspondent, PageContext } from '../parsers/schema';
import type { ClydeDB } from '../storage/db';
import { ensurePersonFor } from '../storage/records/identity';
import { addNeverLog } from '../storage/records/never-log';
import { correspondentsOf, recordOpenedThread, watchOpenedThreads } from './opened-threads';

const ana: Correspondent = { email: 'Ana.Lima@example.com', name: 'Ana Lima', role: 'from' };
const bruno: Correspondent = { email: 'bruno@example.com', name: 'Bruno Costa', role: 'from' };
const carla: Correspondent = { email: 'carla@example.org', name: 'Carla', role: 'cc' };
const me = 'me@example.net';

const thread = (people: Correspondent[], over: Partial<PageContext> = {}): PageContext => ({
  site: 'gmail',
  view: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  self: { email: me },
  thread: { id: 'abc', subject: 'Bulk price' },
  people,
  ...over,
});

const at = new Date(2026, 10, 23, 9, 30).getTime();
const HOUR = 3_600_000;

let db: ClydeDB;
let anaId: string;
beforeEach(async () => {
  db = freshClientDb().db;
  anaId = (await ensurePersonFor(db, ana)).id;
});

const openedAt = async (personId: string) => (await db.personal.get(personId))?.openedAt;

describe('recordOpenedThread', () => {
  it('records the date a thread with a known person was opened, and keeps nothing else', async () => {
    expect(await recordOpenedThread(db, thread([{ ...ana, email: 'ana.lima@EXAMPLE.com' }]), at)).toEqual([anaId]);
    expect(await db.personal.get(anaId)).toEqual({ personId: anaId, openedAt: at });
    // The summary counts it as contact, which is what resets the rhythm.
    expect((await db.summaries.get(anaId))?.lastAt).toBe(at);
  });

  it('creates no one for a correspondent Clyde does not know', async () => {
    expect(await recordOpenedThread(db, thread([bruno]), at)).toEqual([]);
    expect(await db.people.count()).toBe(1);
    expect(await db.personal.count()).toBe(0);
  });

  it.each([
    ['the address', 'ana.lima@example.com'],
    ['its domain', 'example.com'],
  ])('records nothing for someone on the never-log list by %s', async (_, entry) => {
    await addNeverLog(db, entry);
    expect(await recordOpenedThread(db, thread([ana]), at)).toEqual([]);
    expect(await db.personal.count()).toBe(0);
  });

  it('never records the user’s own address, even when the user is a person in Clyde', async () => {
    const self = await ensurePersonFor(db, { email: me, role: 'from' });
    expect(
      await recordOpenedThread(
        db,
        thread([
          { email: 'ME@example.net', role: 'from' },
          { ...ana, role: 'to' },
        ]),
        at,
      ),
    ).toEqual([anaId]);
    expect(await openedAt(self.id)).toBeUndefined();
  });

  it('counts those who wrote in the thread, else those the user wrote to; never those only copied in', async () => {
    const brunoId = (await ensurePersonFor(db, bruno)).id;
    const carlaId = (await ensurePersonFor(db, carla)).id;
    expect(correspondentsOf(thread([bruno, { ...ana, role: 'to' }, carla])).map((p) => p.name)).toEqual(['Bruno Costa']);
    expect(await recordOpenedThread(db, thread([bruno, ana, carla]), at)).toEqual([brunoId, anaId]);
    // The user's own message to Ana, Carla in copy.
    expect(correspondentsOf(thread([{ ...ana, role: 'to' }, carla])).map((p) => p.name)).toEqual(['Ana Lima']);
    expect(await openedAt(carlaId)).toBeUndefined();
  });

  it.each<[string, Partial<PageContext>]>([
    ['a compose window', { view: 'compose' }],
    ['the inbox', { view: 'list' }],
    ['a thread the parser could not read', { unread: true }],
    ['an X post (not email)', { site: 'x' }],
  ])('records nothing for %s', async (_, over) => {
    expect(await recordOpenedThread(db, thread([ana], over), at)).toEqual([]);
    expect(await db.personal.count()).toBe(0);
  });

  it('records an Outlook thread too', async () => {
    expect(await recordOpenedThread(db, thread([ana], { site: 'outlook', url: 'https://outlook.office.com/mail/id/x' }), at)).toEqual([
      anaId,
    ]);
  });

  it('writes once a day per person: reopening the same day changes nothing, the next day moves the date', async () => {
    await recordOpenedThread(db, thread([ana]), at);
    expect(await recordOpenedThread(db, thread([ana]), at + 5 * HOUR)).toEqual([]);
    expect(await openedAt(anaId)).toBe(at);
    expect(await recordOpenedThread(db, thread([ana]), at + 24 * HOUR)).toEqual([anaId]);
    expect(await openedAt(anaId)).toBe(at + 24 * HOUR);
  });
});

describe('watchOpenedThreads', () => {
  it('records a thread only once it has stayed open, and not one the user moved on from', async () => {
    const shown = watchOpenedThreads(db, 20);
    shown(1, thread([ana]));
    shown(1, thread([], { view: 'list' }));
    await new Promise((r) => setTimeout(r, 60));
    expect(await db.personal.count()).toBe(0);

    // Closed before the dwell (the background passes null for a removed tab): not read either.
    shown(1, thread([ana]));
    shown(1, null);
    await new Promise((r) => setTimeout(r, 60));
    expect(await db.personal.count()).toBe(0);

    shown(1, thread([ana]));
    // Another tab's page does not cancel this one's wait.
    shown(2, null);
    await vi.waitFor(async () => expect(await openedAt(anaId)).toBeTypeOf('number'));
  });
});
