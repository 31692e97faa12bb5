import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanelFrame } from '../src/content/panel-frame';
import { watchPage } from '../src/content/page-watch';
import { reportPage } from '../src/content/report';
import { answerSelectionRequests } from '../src/content/selection';
import { PANEL_HOSTS } from '../src/parsers/hosts';
import { mail } from '../src/parsers/mail';

/**
 * Webmail: read who is on screen and host the panel. This script never opens the database and
 * never renders CRM text (DESIGN.md §2); it parses, watches navigation and hosts the frame.
 */
export default defineContentScript({
  matches: PANEL_HOSTS,
  runAt: 'document_idle',
  async main(ctx) {
    watchPage(() => mail.parsePage(document, new URL(location.href)), reportPage, ctx.signal);
    answerSelectionRequests(ctx.signal);
    await mountPanelFrame(ctx.signal);
  },
});
