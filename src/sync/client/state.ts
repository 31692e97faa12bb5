import type { Device } from '../../storage/records/clock';
import type { ClydeDB } from '../../storage/db';
import { getMeta, setMeta, type MetaValue } from '../../storage/keys';
import type { Entity } from '../../storage/schema';

/**
 * What the sync client keeps in `db.meta`. Extension IndexedDB is readable only by extension
 * pages, so the token lives here and never in `storage.local` (which content scripts can read).
 * The keys and their schemas are in storage/keys.ts; every row is parsed on the way out.
 */

export type Account = MetaValue<'account'>;
export type SyncStatus = MetaValue<'syncStatus'>;

// Declared with every other stored key in storage/keys.ts; re-exported for the sync client's modules.
export { getMeta, setMeta };

export async function deviceOf(db: ClydeDB): Promise<Device | undefined> {
  return getMeta(db, 'device');
}

/** Every table a sync transaction touches: the views, the sync internals and meta. */
export function syncTables(db: ClydeDB) {
  return [
    db.people,
    db.identities,
    db.notes,
    db.preferences,
    db.tasks,
    db.companies,
    db.stages,
    db.opportunities,
    db.outbox,
    db.srv,
    db.meta,
    db.rejected,
  ];
}

export const VIEW_ENTITIES: readonly Entity[] = [
  'people',
  'identities',
  'notes',
  'preferences',
  'tasks',
  'companies',
  'stages',
  'opportunities',
];
