import { db } from '../storage/db';
import { consentedFetch } from '../sync/client/consent';
import { startSyncService, type SyncService } from '../sync/client/service';

/**
 * The background's one call: team sync over the profile's database (idle until a team is
 * joined). Pages ask for a round with `sync/now`, which the router answers with `wake`. In
 * Firefox nothing is sent while the user withholds the data consent joining asked for.
 */
export function startBackgroundSync(): SyncService {
  return startSyncService({ db, fetch: consentedFetch((url, init) => globalThis.fetch(url, init)) });
}
