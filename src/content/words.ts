import { browser } from 'wxt/browser';

/**
 * The content script's three labels, read straight from the browser's messages: the same keys as
 * locales/<lang>.yml, with `_` for `.` as @wxt-dev/i18n writes them. Its `t` would bring plural and
 * substitution code into the script every webmail page load pays for, for three plain words.
 */
export const word = (key: 'manifest_name' | 'panelFrame_collapse' | 'panelFrame_open') =>
  // WXT types getMessage for the predefined @@ keys only; these three are in every locale's messages.json.
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]);
