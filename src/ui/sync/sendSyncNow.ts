import { browser } from 'wxt/browser';
import { ask } from '../ask';

/** Asks the background to sync now; if it is not listening, the next alarm or write will do. */
export function sendSyncNow(): Promise<void> {
  return ask('sync/now').catch(() => undefined);
}

/** Opens Settings, where the team section lists the changes the server refused. */
export function openSettings(): void {
  void browser.runtime.openOptionsPage();
}
