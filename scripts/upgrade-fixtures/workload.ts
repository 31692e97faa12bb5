import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { createApp } from '../../server/app';
import type { AppEnv } from '../../server/http/env';
import { inviteLink, issueInvite } from '../../server/invites';
import type { SyncStore } from '../../server/store/types';
import { ServerClock } from '../../server/sync/server-clock';
import { ClydeDB } from '../../src/storage/db';
import { getMeta } from '../../src/storage/keys';
import { mergePeople } from '../../src/storage/people/merge-people';
import { addIdentity } from '../../src/storage/records/identity';
import { addNeverLog } from '../../src/storage/records/never-log';
import { addNote, deleteNote } from '../../src/storage/records/notes';
import { createPerson, updatePerson } from '../../src/storage/records/people';
import { addPreference } from '../../src/storage/records/preferences';
import { addTask, deleteTask, setTaskDone } from '../../src/storage/records/tasks';
import { writeRecord } from '../../src/storage/records/write';
import { TAGS } from '../../src/storage/schema';
import { recordOpened, setRhythm, setStarred } from '../../src/storage/summaries/personal';
import { joinTeam } from '../../src/sync/client/account';
import { createSyncApi, type Fetch } from '../../src/sync/client/api';
import { syncOnce } from '../../src/sync/client/runner';
import { setShared } from '../../src/sync/client/share';

/**
 * The data set frozen with a release: a small team as it would look after some weeks of use,
 * written only through that release's own mutators, sync client and server. Device "ada-laptop"
 * is the extension database that gets dumped; every device's token is kept, because the server
 * stores only hashes and the upgrade test must show the tokens still work.
 */

const SERVER_URL = 'https://sync.fixture.test';

export interface DeviceFixture {
  name: string;
  member: string;
  token: string;
  userId: string;
  teamId: string;
  deviceId: string;
  clientId: string;
  revoked: boolean;
}

export interface Frozen {
  /** Ada's laptop: joined, synced, with a refused op, a kept server row and pending edits. */
  laptop: { factory: IDBFactory; db: ClydeDB };
  devices: DeviceFixture[];
  app: Hono<AppEnv>;
}

const DAY = 86_400_000;

export async function freezeTeam(store: SyncStore): Promise<Frozen> {
  await store.migrate();
  const clock = new ServerClock();
  const app = createApp({ store, clock, limits: false });
  const fetch: Fetch = async (url, init) => app.request(url, init);
  const { id: team } = await store.createTeam('Fixture team', clock.now());
  const { id: otherTeam } = await store.createTeam('Another team', clock.now());
  const invite = async (teamId: string, role: 'admin' | 'member', userId: string | null = null) => {
    const at = clock.now();
    const { code } = await issueInvite(store, at, { teamId, role, userId, createdBy: null, maxUses: 1, expiresAt: at + DAY });
    return inviteLink(SERVER_URL, code);
  };
  const devices: DeviceFixture[] = [];
  const open = () => {
    const factory = new IDBFactory();
    return { factory, db: new ClydeDB('clyde', { indexedDB: factory, IDBKeyRange }) };
  };
  const join = async (db: ClydeDB, link: string, member: string, name: string) => {
    const account = await joinTeam(db, { inviteCode: link, deviceName: name, userName: member }, { fetch });
    const { clientId } = (await getMeta(db, 'device'))!;
    const { token, userId, teamId, deviceId } = account;
    devices.push({ name, member, token, userId, teamId, deviceId, clientId, revoked: false });
    return account;
  };
  const sync = async (db: ClydeDB) => {
    const account = await getMeta(db, 'account');
    await syncOnce(db, createSyncApi({ serverUrl: account!.serverUrl, token: account!.token, fetch }), { now: Date.now });
  };

  // Ada works alone for a while: everything before joining is owned by a local user.
  const laptop = open();
  const a = laptop.db;
  const ada = await createPerson(a, { name: 'Ada Lovelace', company: 'Analytical Engines', headline: 'Analyst', location: 'London' });
  await addIdentity(a, ada.id, 'email', 'Ada@Analytical.example');
  await addIdentity(a, ada.id, 'x', '@ada');
  await addIdentity(a, ada.id, 'linkedin', 'https://www.linkedin.com/in/ada-lovelace');
  await addIdentity(a, ada.id, 'url', 'https://ada.example/about');
  const grace = await createPerson(a, { name: 'Grace Hopper', company: 'Navy' });
  await addIdentity(a, grace.id, 'email', 'grace@navy.example');
  const graceAgain = await createPerson(a, { name: 'G. Hopper' });
  await addIdentity(a, graceAgain.id, 'x', '@amazing_grace');
  await addNote(a, graceAgain.id, { body: 'Met at the compiler meetup', kind: 'meeting' });
  await mergePeople(a, graceAgain.id, grace.id);

  const now = Date.now();
  await addNote(a, ada.id, { body: 'Plain note' });
  await addNote(a, ada.id, { body: 'Re: engines', kind: 'email', threadKey: 'gmail:thread-17', occurredAt: now - 3 * DAY });
  await addNote(a, ada.id, { body: 'Call about the order', kind: 'call', occurredAt: now - 2 * DAY });
  await addNote(a, ada.id, { body: 'Lunch', kind: 'meeting', occurredAt: now - DAY });
  await addNote(a, ada.id, { body: 'Headline changed', kind: 'clip', sourceUrl: 'https://www.linkedin.com/in/ada-lovelace' });
  await addNote(a, ada.id, { body: '"We ship in March"', kind: 'quote', sourceUrl: 'https://ada.example/blog/1' });
  for (const tag of TAGS) {
    await addNote(a, ada.id, { body: `A ${tag}`, tag, ...(tag === 'life-event' ? { eventAt: now + 20 * DAY } : {}) });
  }
  await addPreference(a, ada.id, 'order: grain in two bags', true);
  await addPreference(a, ada.id, 'call: mornings');
  await addPreference(a, grace.id, 'prefers email');
  const midnight = new Date(new Date(now).setHours(0, 0, 0, 0)).getTime();
  await addTask(a, ada.id, 'Send the quote', midnight + 2 * DAY, 15 * 60);
  await addTask(a, ada.id, 'Follow up', midnight + 7 * DAY);
  await addTask(a, grace.id, 'Someday');
  const done = await addTask(a, grace.id, 'Done already', midnight - DAY, 9 * 60);
  await setTaskDone(a, done.id, true);
  await deleteTask(a, (await addTask(a, grace.id, 'Never mind')).id);
  await addNeverLog(a, 'me@personal.example');
  await addNeverLog(a, '@family.example');
  await setRhythm(a, ada.id, 30);
  await setStarred(a, ada.id, true);
  await recordOpened(a, grace.id, now - DAY);

  await join(a, await invite(team, 'admin'), 'Ada', 'ada-laptop');
  const shared = await addNote(a, ada.id, { body: 'Shared with the team: the order is big' });
  await setShared(a, 'notes', shared.id, true);
  await sync(a);
  // Grace was shared for a while: the server keeps an eviction for everyone who saw her.
  await setShared(a, 'people', grace.id, true);
  await sync(a);
  await setShared(a, 'people', grace.id, false);
  await sync(a);

  // Barbara joins, shares someone and keeps someone private.
  const { db: b } = open();
  await join(b, await invite(team, 'member'), 'Barbara', 'barbara-desktop');
  const ken = await writeRecord(b, 'people', crypto.randomUUID(), { name: 'Ken Thompson', scope: 'team' }, { create: true });
  await addIdentity(b, ken.id, 'email', 'ken@bell.example');
  await setShared(b, 'notes', (await addNote(b, ken.id, { body: 'Likes chess' })).id, true);
  const secret = await createPerson(b, { name: 'Barbara’s private contact' });
  await addNote(b, secret.id, { body: 'private to Barbara' });
  await sync(b);

  // Ada's second device, and an old one she revoked.
  const { db: phone } = open();
  await join(phone, await invite(team, 'member', devices[0]!.userId), 'Ada', 'ada-phone');
  await sync(phone);
  const { db: tablet } = open();
  const old = await join(tablet, await invite(team, 'member', devices[0]!.userId), 'Ada', 'ada-old-tablet');
  const revoke = await app.request('/v1/devices/revoke', {
    method: 'POST',
    headers: { authorization: `Bearer ${devices[0]!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: old.deviceId }),
  });
  if (revoke.status !== 200) throw new Error(`revoke failed: ${revoke.status}`);
  devices.at(-1)!.revoked = true;

  // Someone in another team on the same server, who must stay invisible to this one.
  const { db: c } = open();
  await join(c, await invite(otherTeam, 'admin'), 'Carl', 'carl-laptop');
  const carl = await writeRecord(
    c,
    'people',
    crypto.randomUUID(),
    { name: 'Other team’s shared contact', scope: 'team' },
    { create: true },
  );
  await addNote(c, carl.id, { body: 'other team only' });
  await sync(c);

  // Ada pulls Ken, then tries to take him private (the server refuses: he is Barbara's).
  await sync(a);
  await writeRecord(a, 'people', ken.id, { scope: `user:${devices[0]!.userId}` });
  await sync(a);
  await setShared(b, 'notes', (await addNote(b, ken.id, { body: 'Prefers Plan 9' })).id, true);
  await sync(b);
  await sync(a);
  // Ada's edits since: pending in the outbox, and Ken's server row kept beside her edit.
  await updatePerson(a, ken.id, { headline: 'Unix' });
  await addNote(a, ada.id, { body: 'Written offline, not yet sent' });
  await deleteNote(a, shared.id);
  await updatePerson(a, grace.id, { location: 'Arlington' });

  for (const db of [b, phone, tablet, c]) db.close();
  return { laptop, devices, app };
}
