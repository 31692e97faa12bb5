import { browser } from 'wxt/browser';

/**
 * Closes the tab this page is in. The background opened it with `tabs.create`, and a script may
 * only `window.close()` a window a script opened, so the tabs API closes it; `window.close()` is
 * the fallback where there is no tab to name.
 */
export async function closeThisTab(): Promise<void> {
  const tab = await Promise.resolve()
    .then(() => browser.tabs.getCurrent())
    .catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}
