import { useEffect } from 'react';
import { ask } from './ask';

/**
 * Tells the background whom the panel shows among the page's people in tab `tabId`, so the
 * context menu's "Add to <person>" names and files to the same person. Sent again whenever the
 * pick or the tab changes; a new panel sends "none picked", so no earlier panel's pick lingers.
 */
export function useSharedPick(tabId: number | undefined, picked: string | undefined): void {
  useEffect(() => {
    if (tabId === undefined) return;
    // Without a listening background the menu keeps its last person until the next pick or page.
    ask('panel/picked', { tabId, key: picked ?? null }).catch(() => undefined);
  }, [tabId, picked]);
}
