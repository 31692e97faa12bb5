import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { getMeta } from '../../sync/client/state';

/** The team account, the last sync status, a catch-up's progress and the live pending count, as the UI shows them. */
export function useSyncState() {
  return useLiveQuery(async () => ({
    account: await getMeta(db, 'account'),
    status: await getMeta(db, 'syncStatus'),
    catchUp: await getMeta(db, 'catchUp'),
    device: await getMeta(db, 'device'),
    pending: await db.outbox.where('state').equals('pending').count(),
  }));
}
