import { browser, type Browser } from 'wxt/browser';
import { MAX_SELECTION, PanelToPageMessage, type SelectionReply } from '../messaging/protocol';

/**
 * Answers the panel's "what is selected?" so a logged email can carry the passage the user
 * chose, and nothing else of the email. Only our own extension pages are answered: a content
 * script can be messaged by the extension alone, and a sender on a web URL is not one of its
 * pages. The answer is plain text, cut to a bounded length.
 */
export function answerSelectionRequests(signal: AbortSignal): void {
  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || /^https?:/i.test(sender.url ?? '')) return undefined;
    if (!PanelToPageMessage.safeParse(raw).success) return undefined;
    const selected = document.getSelection()?.toString() ?? '';
    const reply: SelectionReply = { text: selected.length > MAX_SELECTION ? `${selected.slice(0, MAX_SELECTION - 1)}…` : selected };
    return Promise.resolve(reply);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
