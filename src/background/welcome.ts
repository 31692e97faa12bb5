import { browser } from 'wxt/browser';

/**
 * Opens the welcome page (what Clyde does, where it shows up, the optional first steps) when Clyde
 * is first installed, and only then: an update or a browser start must not put a page in front of
 * someone who already uses Clyde. Afterwards it opens only from Settings.
 */
export function startWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
