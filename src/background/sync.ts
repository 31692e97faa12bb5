import { browser } from 'wxt/browser';
import type { Correspondent } from '../parsers/schema';
import { db } from '../storage/db';
import { consentedFetch } from '../sync/client/consent';
import { readStored, SESSION } from '../storage/keys';
import { startSyncService, type SyncService } from '../sync/client/service';

/**
 * The background's one call: team sync over the profile's database (idle until a team is
 * joined). Pages ask for a round with `sync/now`, which the router answers with `wake`. In
 * Firefox nothing is sent while the user withholds the data consent joining asked for. While a
 * joining device catches up, the people on its open tabs come first (`prioritize`).
 */
export function startBackgroundSync(): SyncService {
  return startSyncService({
    db,
    fetch: consentedFetch((url, init) => globalThis.fetch(url, init)),
    onScreen: peopleOnOpenTabs,
  });
}

/** Everyone the tabs' stored page contexts show (router.ts keeps one per tab in `storage.session`). */
async function peopleOnOpenTabs(): Promise<Correspondent[]> {
  const stored = await browser.storage.session.get(null);
  return Object.entries(stored).flatMap(([key, value]) =>
    key === SESSION.context.name(Number(key.split(':')[1])) ? (readStored(SESSION.context.schema, value)?.context?.people ?? []) : [],
  );
}
