import { describe, expect, it } from 'vitest';
import { errorText, pendingText, retryText, syncedAgo } from './status-text';

describe('sync status text', () => {
  it('says how long ago the last sync was', () => {
    expect(syncedAgo(undefined, 0)).toBe('Not synced yet');
    expect(syncedAgo(1_000, 30_000)).toBe('Synced just now');
    expect(syncedAgo(0, 5 * 60_000)).toBe('Synced 5 min ago');
    expect(syncedAgo(0, 3 * 3_600_000)).toBe('Synced 3 h ago');
    expect(syncedAgo(0, 50 * 3_600_000)).toBe('Synced 2 d ago');
  });
  it('counts pending changes and explains errors', () => {
    expect(pendingText(undefined, 0)).toBeUndefined();
    expect(pendingText({ pending: 3 }, 0)).toBe('3 changes waiting to sync');
    expect(pendingText({ pending: 0 }, 1)).toBe('1 change waiting to sync');
    expect(errorText({ code: 'CLIENT_TOO_OLD', message: 'x' })).toMatch(/Update Clyde/);
    expect(errorText({ code: 'TEAM_QUOTA_EXCEEDED', message: 'x' })).toMatch(/storage on the sync server is full.*kept on this device/);
    expect(errorText({ code: 'INVITE_INVALID', message: 'This invite is unknown.' })).toBe('This invite is unknown.');
  });
  it('says a full server disk keeps the changes here and when the next try is', () => {
    expect(errorText({ code: 'STORAGE_FULL', message: 'x' })).toMatch(/^The team server is out of disk space. Your changes are kept here/);
    expect(errorText({ code: 'HTTP_507', message: 'The server answered 507.' })).toMatch(/out of disk space/);
    expect(retryText(undefined, 0)).toBeUndefined();
    expect(retryText(30_000, 0)).toBe('Next try within a minute.');
    expect(retryText(4 * 60_000 + 1, 0)).toBe('Next try in 5 min.');
  });
});
