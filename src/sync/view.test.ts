import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, updatePerson } from '../storage/records/people';
import { serverRowOf } from '../storage/records/server-row';
import { freshClientDb } from '../../test/support/db';
import { formatHlc } from './hlc';
import type { RowState } from './protocol';
import { rederive } from './view';

const { db } = freshClientDb('view-test');
afterEach(() => Promise.all(db.tables.map((t) => t.clear())));

const stamp = (wall: number) => formatHlc({ wall, counter: 0, node: 'server' });
const inView = (fn: () => Promise<void>) => db.transaction('rw', [db.people, db.srv, db.outbox], fn);

describe('rederive', () => {
  it('replaces the view row with the server row and the pending ops on top', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    const server: RowState = {
      entity: 'people',
      id: person.id,
      scope: 'team',
      ownerId: person.ownerId,
      values: { deleted: false, name: 'Ada L.', company: 'Acme' },
      clocks: { name: stamp(1), company: stamp(1) },
      rowSeq: 4,
    };
    await db.srv.put(server);
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    // The pending create is newer than the server's name, so it still wins that field.
    expect(await db.people.get(person.id)).toMatchObject({ name: 'Ada', company: 'Acme', rowSeq: 4, scope: person.scope });
  });

  it('drops the view row when the merged row no longer passes the entity schema', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    await db.outbox.clear();
    // A newer build's server row: a name longer than this build's schema allows.
    const server: RowState = {
      entity: 'people',
      id: person.id,
      scope: 'team',
      ownerId: person.ownerId,
      values: { deleted: false, name: 'x'.repeat(401) },
      clocks: { name: stamp(2) },
      rowSeq: 9,
    };
    await db.srv.put(server);
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    expect(await db.people.get(person.id)).toBeUndefined();
    expect(await db.srv.get(['people', person.id])).toEqual(server);
  });

  it('keeps a server copy only while ops wait on the record: the view stands for it otherwise', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    const server: RowState = {
      entity: 'people',
      id: person.id,
      scope: 'team',
      ownerId: person.ownerId,
      values: { deleted: false, name: 'Ada L.' },
      clocks: { name: stamp(1) },
      rowSeq: 4,
    };
    await db.srv.put(server);
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    expect(await db.srv.get(['people', person.id])).toEqual(server); // the create is still pending

    await db.outbox.clear();
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    expect(await db.srv.count()).toBe(0);
    expect(serverRowOf('people', await db.people.get(person.id))).toEqual(server);

    // A local edit puts the server's row aside before changing the view, so it can fall back.
    await updatePerson(db, person.id, { name: 'Ada Lovelace' });
    expect(await db.srv.get(['people', person.id])).toEqual(server);
    await db.outbox.clear(); // as if the server refused the edit
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    expect((await db.people.get(person.id))?.name).toBe('Ada L.');
    expect(await db.srv.count()).toBe(0);
  });

  it('deletes the view row when neither the server nor the outbox has the record', async () => {
    const person = await createPerson(db, { name: 'Ada' });
    await db.outbox.clear();
    await inView(() => rederive(db, 'people', person.id, { userId: person.ownerId }));
    expect(await db.people.get(person.id)).toBeUndefined();
  });
});
