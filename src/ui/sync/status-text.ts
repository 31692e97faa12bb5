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
  CONSENT_WITHDRAWN: () => t('sync.error.consentWithdrawn'),
  STORAGE_FULL: () => t('sync.error.serverFull'),
  LOCAL_STORAGE_FULL: () => t('sync.error.localFull'),
  LOCAL_OUTDATED: () => t('sync.error.localOutdated'),
  HTTP_507: () => t('sync.error.serverFull'),
  TEAM_QUOTA_EXCEEDED: () => t('sync.error.teamQuota'),
};

export function errorText(error: { code: string; message: string }): string {
  return HINTS[error.code]?.() ?? error.message;
}

/** When the next try after a failed round is, if one is planned ("Next try in 3 min."). */
export function retryText(retryAt: number | undefined, now: number): string | undefined {
  if (retryAt === undefined) return undefined;
  const minutes = Math.ceil((retryAt - now) / 60_000);
  if (minutes <= 1) return t('syncMore.retrySoon');
  return t('syncMore.retryIn', minutes, [formatNumber(minutes)]);
}

/** How long ago `at` was, in the steps the status lines speak in: under a minute, minutes, hours, days. */
function elapsed(at: number, now: number): { unit: 'now' | 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return { unit: 'now', n: 0 };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

/** "Synced just now", "Synced 5 min ago", … from the last successful round (whole sentences, for word order). */
export function syncedAgo(lastSyncAt: number | undefined, now: number): string {
  if (lastSyncAt === undefined) return t('sync.notYet');
  const { unit, n } = elapsed(lastSyncAt, now);
  if (unit === 'now') return t('sync.justNow');
  const key = ({ minutes: 'sync.minutesAgo', hours: 'sync.hoursAgo', days: 'sync.daysAgo' } as const)[unit];
  return t(key, n, [formatNumber(n)]);
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ago(at: number, now: number): string {
  const { unit, n } = elapsed(at, now);
  if (unit === 'now') return t('ago.justNow');
  const key = ({ minutes: 'ago.minutes', hours: 'ago.hours', days: 'ago.days' } as const)[unit];
  return t(key, n, [formatNumber(n)]);
}

export function pendingText(status: SyncStatus | undefined, livePending: number): string | undefined {
  const n = livePending || status?.pending || 0;
  return n ? t('sync.pending', n, [formatNumber(n)]) : undefined;
}
