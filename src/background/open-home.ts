import { browser } from 'wxt/browser';

/** The keyboard shortcut's command name (wxt.config.ts `commands`). */
const OPEN_HOME_COMMAND = 'open-home';

/** The shortcut that opens Home in a new tab, from any page, even one Clyde has no panel on. */
export function startOpenHome(): void {
  browser.commands?.onCommand.addListener((command) => {
    if (command === OPEN_HOME_COMMAND) void browser.tabs.create({ url: browser.runtime.getURL('/home.html') });
  });
}
