import { defineContentScript } from 'wxt/utils/define-content-script';
import type { QuietContext } from '../src/content/quiet-context';
import { watchPage } from '../src/content/page-watch';
import { watchPageTheme } from '../src/content/page-theme';
import { reportPage, reportTheme } from '../src/content/report';
import { settledProfile } from '../src/content/settled-profile';
import { watchUrl } from '../src/content/url-watch';
import { LINKEDIN_MATCHES, X_MATCHES } from '../src/parsers/hosts';
import { social } from '../src/parsers/social';

/**
 * LinkedIn and X: read whose profile is open. Nothing is inserted into these pages (LinkedIn
 * forbids it and probes for extensions); Clyde shows the person in the browser's side panel.
 */
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES, ...X_MATCHES],
  runAt: 'document_idle',
  main(ctx: QuietContext) {
    const read = settledProfile(() => social.parsePage(document, new URL(location.href)));
    const recheck = watchPage(read, reportPage, ctx.signal, 100);
    // These sites navigate with the History API, and their parsers go by the address.
    watchUrl(recheck, ctx.signal);
    // For the side panel to wear the page's theme (X and LinkedIn have dark ones of their own).
    reportTheme(watchPageTheme(reportTheme, ctx.signal));
  },
});
