import 'fake-indexeddb/auto';
import type { ClydeDB } from '../../src/storage/db';
import { freshClientDb } from '../support/db';
import type { Seed } from '../support/records';

/**
 * A fresh database holding `seed`, written in one transaction the way a restore
 * would (so the storage middleware indexes it too). Each bench deletes its database when done.
 */
export async function seededDb(seed: Seed): Promise<ClydeDB> {
  const { db } = freshClientDb(`bench-${crypto.randomUUID()}`);
  await db.transaction('rw', [db.people, db.identities, db.notes, db.preferences], async () => {
    await db.people.bulkPut(seed.people);
    await db.identities.bulkPut(seed.identities);
    await db.notes.bulkPut(seed.notes);
    await db.preferences.bulkPut(seed.preferences);
  });
  return db;
}
