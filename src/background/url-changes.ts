import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { LINKEDIN_MATCHES, X_MATCHES } from '../parsers/hosts';
import type { BackgroundMessage } from '../messaging/protocol';

const HISTORY_API_SITES = [...LINKEDIN_MATCHES, ...X_MATCHES].map((p) => new MatchPattern(p));

/**
 * LinkedIn and X change pages with the History API, which a content script's isolated world
 * cannot hear. The background can (host permission on those sites shows it the URL), and tells
 * the tab's content script to read the page again.
 */
export function forwardUrlChanges(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url || !HISTORY_API_SITES.some((p) => p.includes(change.url!))) return;
    const message: BackgroundMessage = { type: 'page/url-changed' };
    // The content script may not be injected yet on a full load; it reads the page itself then.
    browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  });
}
