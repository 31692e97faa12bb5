import type { ClydeDB } from '../../src/storage/db';
import { createSyncApi, type Fetch, type SyncApi } from '../../src/sync/client/api';
import { joinTeam } from '../../src/sync/client/account';
import { getMeta } from '../../src/sync/client/state';

/** Joins with an invite link and returns the API bound to the stored account. */
export async function joinWith(db: ClydeDB, link: string, fetch: Fetch, deviceName = 'Test device'): Promise<SyncApi> {
  await joinTeam(db, { inviteCode: link, deviceName }, { fetch });
  return apiFor(db, fetch);
}

export async function apiFor(db: ClydeDB, fetch: Fetch): Promise<SyncApi> {
  const account = await getMeta(db, 'account');
  if (!account) throw new Error('not joined');
  return createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch });
}
