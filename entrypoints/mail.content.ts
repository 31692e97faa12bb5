import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanelFrame } from '../src/content/panel-frame';
import { loadLayout, type PanelLayout } from '../src/content/panel-layout';
import type { QuietContext } from '../src/content/quiet-context';
import { watchPage } from '../src/content/page-watch';
import { watchPageTheme } from '../src/content/page-theme';
import { reportPage, reportTheme } from '../src/content/report';
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
  // At document start, so the panel's frame loads its scripts and opens the database while the
  // mail page is still loading: at `document_idle` Chromium waits for the page's load event or
  // 200 ms past DOMContentLoaded, and a cold panel showed its person that much later (panel bench).
  runAt: 'document_start',
  main(ctx: QuietContext) {
    const site = mail.parserFor(new URL(location.href))?.id;
    if (isMailSite(site)) {
      // Read alongside the display mode rather than after it: one storage round trip less before the frame starts.
      let layout: Promise<PanelLayout> | undefined = loadLayout();
      let frame: AbortController | undefined;
      watchMode(
        browser.storage.local,
        browser.storage.local.onChanged,
        site,
        (mode) => {
          frame?.abort();
          frame = new AbortController();
          const signal = AbortSignal.any([ctx.signal, frame.signal]);
          if (mode === 'injected') {
            // The frame reads the page's theme itself, and reports it too.
            void mountPanelFrame(signal, layout);
            layout = undefined;
          } else {
            // For the browser's side panel to wear the page's theme.
            onBody(() => reportTheme(watchPageTheme(reportTheme, signal)));
          }
        },
        ctx.signal,
      );
    }
    // Reading who is on screen needs the page's body, which a document-start script comes before.
    onBody(() => watchPage(() => mail.parsePage(document, new URL(location.href)), reportPage, ctx.signal));

    function onBody(run: () => void) {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true, signal: ctx.signal });
      else run();
    }
  },
});
