import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanelFrame } from '../src/content/panel-frame';
import { watchPage } from '../src/content/page-watch';
import type { ContentMessage } from '../src/messaging/protocol';
import { parsePage } from '../src/parsers';
import { PANEL_HOSTS } from '../src/parsers/hosts';

/**
 * Webmail: read who is on screen and host the panel. This script never opens the database and
 * never renders CRM text (DESIGN.md §2); it parses, watches navigation and hosts the frame.
 */
export default defineContentScript({
  matches: PANEL_HOSTS,
  runAt: 'document_idle',
  async main(ctx) {
    const send = (context: ReturnType<typeof parsePage>) => {
      // The background may be restarting; the next change resends, so a lost message costs nothing.
      // Typed against the protocol but not importing its schemas: they would double this script's size.
      browser.runtime.sendMessage({ type: 'page/context', context, at: performance.timeOrigin + performance.now() } satisfies ContentMessage).catch(() => undefined);
    };
    watchPage(() => parsePage(document, new URL(location.href)), send, ctx.signal);
    await mountPanelFrame(ctx.signal);
  },
});
