import { db } from '../storage/db';
import { startSyncService, type SyncService } from '../sync/client/service';

/**
 * The background's one call: team sync over the profile's database (idle until a team is
 * joined). Pages ask for a round with `sync/now`, which the router answers with `wake`.
 */
export function startBackgroundSync(): SyncService {
  return startSyncService({ db });
}
