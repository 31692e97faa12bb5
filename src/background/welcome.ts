import { browser } from 'wxt/browser';
import { LOCAL, readStored } from '../storage/keys';

const OPENED = LOCAL.welcomeOpened;

/**
 * Opens the welcome page (what Clyde does, where it shows up, the optional first steps) when Clyde
 * is first installed, and only then: an update or a browser start must not put a page in front of
 * someone who already uses Clyde. Afterwards it opens only from Settings.
 *
 * The reason alone is not enough: Chromium installs an extension loaded with `--load-extension`
 * (`npm start`, the e2e tests) afresh at every start and says 'install' each time, while keeping
 * its storage. A mark in `storage.local` keeps it to once; uninstalling clears it, so a real
 * reinstall is welcomed again.
 */
export function startWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openOnce();
  });
}

async function openOnce(): Promise<void> {
  const stored = await browser.storage.local.get(OPENED.name);
  if (readStored(OPENED.schema, stored[OPENED.name])) return;
  // Marked first: a second 'install' while the tab is being created must not open another.
  await browser.storage.local.set({ [OPENED.name]: true });
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
