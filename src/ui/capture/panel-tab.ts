import { createContext, useContext } from 'react';
import { browser } from 'wxt/browser';
import { EmailReply, type PanelMessage } from '../../messaging/protocol';

/**
 * The id of the tab whose page this panel shows (undefined until known or when there is none),
 * for components deep in the tree that need to reach that tab. The App already follows the tab;
 * handing its answer down spares each of them asking the background again on every person shown.
 */
export const PanelTabContext = createContext<number | undefined>(undefined);

export function usePanelTabId(): number | undefined {
  return useContext(PanelTabContext);
}

const NOTHING: EmailReply = { text: '', sentAt: [] };

/**
 * The open email in the tab's page (top frame only), read by the background: the selected text and
 * the dates its messages print. Empty when nothing is selected or the page cannot answer: logging
 * then goes ahead without a passage, dated now.
 */
export async function readOpenEmail(tabId: number | undefined): Promise<EmailReply> {
  if (tabId === undefined) return NOTHING;
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type: 'page/email', tabId } satisfies PanelMessage);
    return EmailReply.safeParse(reply).data ?? NOTHING;
  } catch {
    return NOTHING;
  }
}
