import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PageContextMessage } from '../src/messaging/protocol';
import { generic } from '../src/parsers/generic';

/**
 * "Read this page": injected by the background into the tab the user asked about, with
 * `activeTab` and `scripting` in the isolated world (no host permission, nothing left running).
 * Reads the page once with the generic parser and answers a `page/context` message as the
 * injection's result, which the background validates exactly like a content script's.
 */
export default defineUnlistedScript((): PageContextMessage => ({
  type: 'page/context',
  context: generic.parse(document, new URL(location.href)),
  at: performance.timeOrigin + performance.now(),
}));
