import type { SyncStatus } from '../../sync/client/state';

/** Why sync stopped, in words a user can act on; server messages are already written that way. */
const HINTS: Record<string, string> = {
  NETWORK: 'Cannot reach the sync server. Clyde will keep trying; your changes are kept here.',
  TIMEOUT: 'The sync server did not answer in time. Clyde will try again.',
  UNAUTHORIZED: 'This device was signed out of the team (revoked or removed). Join again in Settings.',
  CLIENT_TOO_OLD: 'Update Clyde to keep syncing. Your changes are kept here until then.',
  RATE_LIMITED: 'The server asked Clyde to slow down. It will try again shortly.',
  BAD_RESPONSE: 'The sync server sent a reply Clyde cannot read. Clyde will try again.',
  TEAM_QUOTA_EXCEEDED:
    'The team’s storage on the sync server is full, so your changes are not sent yet. They are kept on this device and go out once the team deletes what it no longer needs or the server’s admin raises the quota.',
};

export function errorText(error: { code: string; message: string }): string {
  return HINTS[error.code] ?? error.message;
}

/** "Synced just now", "Synced 5 min ago", … from the last successful round. */
export function syncedAgo(lastSyncAt: number | undefined, now: number): string {
  if (lastSyncAt === undefined) return 'Not synced yet';
  const minutes = Math.floor((now - lastSyncAt) / 60_000);
  if (minutes < 1) return 'Synced just now';
  if (minutes < 60) return `Synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Synced ${hours} h ago`;
  return `Synced ${Math.floor(hours / 24)} d ago`;
}

export function pendingText(status: SyncStatus | undefined, livePending: number): string | undefined {
  const n = livePending || status?.pending || 0;
  return n ? `${n} change${n === 1 ? '' : 's'} waiting to sync` : undefined;
}
