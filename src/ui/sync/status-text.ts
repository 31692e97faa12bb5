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
  CONSENT_WITHDRAWN: () =>
    'Firefox no longer lets Clyde send to your team server, so nothing is sent; your changes are kept here. To sync again, allow it in about:addons → Clyde → Permissions.',
  STORAGE_FULL: () =>
    'The team server is out of disk space. Your changes are kept here and Clyde tries again later, waiting longer each time; tell whoever runs the server.',
  LOCAL_STORAGE_FULL: () =>
    'This browser has no storage space left for Clyde, so it cannot keep what the team sent. Free up disk space on this computer; Clyde tries again.',
  LOCAL_OUTDATED: () => 'Clyde was updated in another window. Reload Clyde’s pages (or restart the browser) to sync again.',
  HTTP_507: () =>
    'The team server is out of disk space. Your changes are kept here and Clyde tries again later, waiting longer each time; tell whoever runs the server.',
  TEAM_QUOTA_EXCEEDED: () =>
    'The team’s storage on the sync server is full, so your changes are not sent yet. They are kept on this device and go out once the team deletes what it no longer needs or the server’s admin raises the quota.',
};

export function errorText(error: { code: string; message: string }): string {
  return HINTS[error.code]?.() ?? error.message;
}

/** When the next try after a failed round is, if one is planned ("Next try in 3 min."). */
export function retryText(retryAt: number | undefined, now: number): string | undefined {
  if (retryAt === undefined) return undefined;
  const minutes = Math.ceil((retryAt - now) / 60_000);
  if (minutes <= 1) return 'Next try within a minute.';
  return `Next try in ${minutes} min.`;
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

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ago(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

export function pendingText(status: SyncStatus | undefined, livePending: number): string | undefined {
  const n = livePending || status?.pending || 0;
  return n ? t('sync.pending', n, [formatNumber(n)]) : undefined;
}
