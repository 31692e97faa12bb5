import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../src/content/page-watch';
import { reportPage } from '../src/content/report';
import { settledProfile } from '../src/content/settled-profile';
import { BackgroundMessage } from '../src/messaging/protocol';
import { LINKEDIN_MATCHES, X_MATCHES } from '../src/parsers/hosts';
import { social } from '../src/parsers/social';

/**
 * LinkedIn and X: read whose profile is open. Nothing is inserted into these pages (LinkedIn
 * forbids it and probes for extensions); Clyde shows the person in the browser's side panel.
 */
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES, ...X_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const read = settledProfile(() => social.parsePage(document, new URL(location.href)));
    const recheck = watchPage(read, reportPage, ctx.signal, 100);
    // These sites navigate with the History API, which an isolated-world script cannot observe;
    // the background sees it through tabs.onUpdated and tells us.
    const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id === browser.runtime.id && !sender.tab && BackgroundMessage.safeParse(raw).success) recheck();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
