import { SyncApiError } from './api';

const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * How long to wait before retrying after a failed round: exponential with jitter (so many
 * devices of one team do not retry in step), the server's `retry-after` when it gave one, and
 * `undefined` when retrying cannot help until something changes (a new token, an update, a join);
 * the periodic alarm still tries again later.
 */
export function retryDelay(err: unknown, attempt: number, random: () => number): number | undefined {
  if (err instanceof SyncApiError) {
    if (['UNAUTHORIZED', 'CLIENT_TOO_OLD', 'SERVER_TOO_OLD', 'NOT_JOINED'].includes(err.code)) return undefined;
    if (err.extra.retryAfterMs !== undefined) return err.extra.retryAfterMs;
  }
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
