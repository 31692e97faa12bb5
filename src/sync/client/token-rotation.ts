import type { ClydeDB } from '../../storage/db';
import { createSyncApi, type Fetch } from './api';
import { getMeta, setMeta, type Account } from './state';

/** How often a device trades its token for a new one: a copied token stops working within this. */
export const TOKEN_ROTATE_EVERY_MS = 7 * 24 * 3_600_000;

/**
 * Gets this device a new token when the last one is older than TOKEN_ROTATE_EVERY_MS, or was
 * never rotated (the first round after an update). The server keeps the old token working until
 * the new one is first used, so an answer lost on the way, or a write that fails here, locks
 * nothing out: the old token goes on and the next round tries again. The caller holds the sync
 * lock, so one rotation runs at a time; the next request with the new token completes it.
 * Returns the account to sync with (undefined when not in a team).
 */
export async function rotateTokenIfDue(db: ClydeDB, fetch: Fetch, now: number): Promise<Account | undefined> {
  const account = await getMeta(db, 'account');
  if (!account) return undefined;
  const last = account.tokenRotatedAt;
  // A clock set back makes "last" lie in the future: rotate rather than wait for it.
  if (last !== undefined && last <= now && now - last < TOKEN_ROTATE_EVERY_MS) return account;
  let token: string;
  try {
    token = await createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch }).rotateToken();
  } catch {
    // Not urgent: the round goes on with the current token and reports its own failures.
    return account;
  }
  try {
    return await db.transaction('rw', db.meta, async () => {
      const current = await getMeta(db, 'account');
      // Left the team, joined another, or got a token some other way meanwhile: keep that.
      if (!current || current.deviceId !== account.deviceId || current.token !== account.token) return current;
      const next: Account = { ...current, token, tokenRotatedAt: now };
      await setMeta(db, 'account', next);
      return next;
    });
  } catch {
    // Not stored (a full disk): the new token is forgotten unused, so the current one still works.
    return getMeta(db, 'account');
  }
}
