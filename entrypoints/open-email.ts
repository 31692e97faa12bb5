import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mail } from '../src/parsers/mail';
import { sentAtTexts } from '../src/parsers/sent-at';

/**
 * Injected by the background when the user logs the open email (src/background/page-inspect.ts):
 * the text selected in the page and the dates its messages print. Never the email's body. Kept
 * out of the content script, which stays small and reads none of this on every page change.
 */
export default defineUnlistedScript(() => ({
  text: document.getSelection()?.toString() ?? '',
  sentAt: sentAtTexts(document, mail.parserFor(new URL(location.href))?.id),
}));
