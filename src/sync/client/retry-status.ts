import type { ClydeDB } from '../../storage/db';
import { getMeta, setMeta } from './state';

/**
 * Notes when sync tries again after a failed round, so the status line can say so and a
 * restarted service worker keeps backing off (the periodic alarm checks it: a full server disk
 * must not be asked every minute by every device). A successful round's status drops it.
 */
export async function recordRetry(db: ClydeDB, retryAt: number | undefined): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const status = await getMeta(db, 'syncStatus');
    if (!status?.lastError) return;
    const { retryAt: _old, ...rest } = status;
    await setMeta(db, 'syncStatus', retryAt === undefined ? rest : { ...rest, retryAt });
  });
}

/** Whether a failed round's backoff is still running at `now`. */
export async function backingOff(db: ClydeDB, now: number): Promise<boolean> {
  const status = await getMeta(db, 'syncStatus');
  return status?.lastError !== undefined && status.retryAt !== undefined && status.retryAt > now;
}
