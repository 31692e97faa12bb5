import type { SyncStatus } from '../../sync/client/state';
import { formatNumber, t } from '../../i18n';

/** Why sync stopped, in words a user can act on; server messages are already written that way. */
const HINTS: Record<string, () => string> = {
  NETWORK: () => t('sync.error.network'),
  TIMEOUT: () => t('sync.error.timeout'),
  UNAUTHORIZED: () => t('sync.error.unauthorized'),
  CLIENT_TOO_OLD: () => t('sync.error.clientTooOld'),
  RATE_LIMITED: () => t('sync.error.rateLimited'),
  BAD_RESPONSE: () => t('sync.error.badResponse'),
};

export function errorText(error: { code: string; message: string }): string {
  return HINTS[error.code]?.() ?? error.message;
}

/** "Synced just now", "Synced 5 min ago", … from the last successful round. */
export function syncedAgo(lastSyncAt: number | undefined, now: number): string {
  if (lastSyncAt === undefined) return t('sync.notYet');
  const minutes = Math.floor((now - lastSyncAt) / 60_000);
  if (minutes < 1) return t('sync.justNow');
  if (minutes < 60) return t('sync.minutesAgo', minutes, [formatNumber(minutes)]);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('sync.hoursAgo', hours, [formatNumber(hours)]);
  const days = Math.floor(hours / 24);
  return t('sync.daysAgo', days, [formatNumber(days)]);
}

export function pendingText(status: SyncStatus | undefined, livePending: number): string | undefined {
  const n = livePending || status?.pending || 0;
  return n ? t('sync.pending', n, [formatNumber(n)]) : undefined;
}
