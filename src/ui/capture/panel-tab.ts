import { createContext, useContext, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SelectionReply, type PanelMessage } from '../../messaging/protocol';
import { watchPanelTab, type PanelPlace } from '../panelTab';

/** Where this panel runs, for components deep in the tree that need to reach its tab. */
export const PanelPlaceContext = createContext<PanelPlace>('frame');

/** The id of the tab whose page this panel shows; undefined until known or when there is none. */
export function usePanelTabId(): number | undefined {
  const place = useContext(PanelPlaceContext);
  const [tabId, setTabId] = useState<number | undefined>();
  useEffect(() => {
    const stop = new AbortController();
    watchPanelTab(place, setTabId, stop.signal);
    return () => stop.abort();
  }, [place]);
  return tabId;
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
