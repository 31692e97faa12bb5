import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanelFrame } from '../src/content/panel-frame';
import type { QuietContext } from '../src/content/quiet-context';
import { watchPage } from '../src/content/page-watch';
import { reportPage } from '../src/content/report';
import { PANEL_HOSTS } from '../src/parsers/hosts';
import { mail } from '../src/parsers/mail';
import { isMailSite, watchMode } from '../src/settings/display-mode';

/**
 * Webmail: read who is on screen and host the panel. This script never opens the database and
 * never renders CRM text (DESIGN.md §2); it parses, watches navigation and hosts the frame.
 * The user picks per site whether the panel is injected here or shown in the browser's side
 * panel; a switch in the options page mounts or removes the frame at once, without a reload.
 */
export default defineContentScript({
  matches: PANEL_HOSTS,
  runAt: 'document_idle',
  main(ctx: QuietContext) {
    watchPage(() => mail.parsePage(document, new URL(location.href)), reportPage, ctx.signal);
    const site = mail.parserFor(new URL(location.href))?.id;
    if (!isMailSite(site)) return;
    let frame: AbortController | undefined;
    watchMode(
      browser.storage.local,
      browser.storage.local.onChanged,
      site,
      (mode) => {
        frame?.abort();
        frame = undefined;
        if (mode !== 'injected') return;
        frame = new AbortController();
        void mountPanelFrame(AbortSignal.any([ctx.signal, frame.signal]));
      },
      ctx.signal,
    );
  },
});
