import { db } from '../storage/db';
import { startSyncService, type SyncService } from '../sync/client/service';

/** The background's one call: team sync over the profile's database (idle until a team is joined). */
export function startBackgroundSync(): SyncService {
  return startSyncService({ db });
}
