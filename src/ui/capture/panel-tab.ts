import { createContext, useContext } from 'react';
import { browser } from 'wxt/browser';
import { SelectionReply, type PanelMessage } from '../../messaging/protocol';

/**
 * The id of the tab whose page this panel shows (undefined until known or when there is none),
 * for components deep in the tree that need to reach that tab. The App already follows the tab;
 * handing its answer down spares each of them asking the background again on every person shown.
 */
export const PanelTabContext = createContext<number | undefined>(undefined);

export function usePanelTabId(): number | undefined {
  return useContext(PanelTabContext);
}

/**
 * The text selected in the tab's page (top frame only), read by the background. Empty when
 * nothing is selected or the page cannot answer: logging then goes ahead without a passage.
 */
export async function readSelection(tabId: number | undefined): Promise<string> {
  if (tabId === undefined) return '';
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type: 'page/selection', tabId } satisfies PanelMessage);
    return SelectionReply.safeParse(reply).data?.text ?? '';
  } catch {
    return '';
  }
}
