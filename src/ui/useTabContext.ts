import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readPageMessage } from '../background/page-sender';
import { readStored, SESSION, type TabContext } from '../storage/keys';
import type { PageContext } from '../parsers/schema';
import { watchPanelTab, type PanelPlace } from './panel-tab';

export interface TabView {
  /** The tab whose page the panel shows; undefined until known, or when there is none. */
  tabId: number | undefined;
  context: PageContext | null | undefined;
}

/**
 * The tab this panel shows and its page context (`undefined` while loading); panels ask that tab's
 * page for more. The context arrives two ways: straight from the page's content script (the fast
 * path on navigation) and from the copy the background keeps in `storage.session` (for a panel that opens, reloads or switches tab later).
 * Whichever is newer by the page's clock wins, so a late copy never replaces a newer page.
 *
 * The panel never listens to `window.postMessage`: nothing the host page says can change who is shown.
 */
export function useTabView(place: PanelPlace): TabView {
  const [context, setContext] = useState<PageContext | null | undefined>(undefined);
  const [shownTab, setShownTab] = useState<number | undefined>();

  useEffect(() => {
    const stop = new AbortController();
    let tabId: number | undefined;
    let newest = -Infinity;
    const apply = (value: TabContext | undefined) => {
      // Nothing stored yet means nothing to show, unless the page has already told us more.
      if (!value) return setContext((shown) => (shown === undefined ? null : shown));
      // Not older, and not the same page again either (a second copy would re-render the panel).
      if (value.at <= newest) return;
      newest = value.at;
      setContext(value.context);
    };
    const onStored = (changes: Record<string, { newValue?: unknown }>) => {
      const change = tabId === undefined ? undefined : changes[SESSION.context.name(tabId)];
      if (!change) return;
      // Removed: a page read on request, forgotten when its tab navigated away.
      if (change.newValue === undefined) {
        newest = -Infinity;
        return setContext(null);
      }
      // The background's copy of a page the content script has already told us about: no need
      // to validate it again, right while the panel is switching to that page.
      const at = (change.newValue as { at?: unknown } | null)?.at;
      if (typeof at === 'number' && at <= newest) return;
      apply(readStored(SESSION.context.schema, change.newValue));
    };
    const onMessage = (raw: unknown, sender: Parameters<typeof readPageMessage>[1]) => {
      const page = readPageMessage(raw, sender, browser.runtime.id);
      if (page && page.tabId === tabId) apply(page);
    };
    // Firefox gives the injected frame no storage.session: it lives on the hello reply and the page's messages.
    const session = browser.storage.session as typeof browser.storage.session | undefined;
    session?.onChanged.addListener(onStored);
    browser.runtime.onMessage.addListener(onMessage);
    watchPanelTab(
      place,
      async (tab, page) => {
        tabId = tab;
        setShownTab(tab);
        newest = -Infinity;
        if (tab === undefined) return setContext(null);
        const key = SESSION.context.name(tab);
        setContext(undefined);
        apply(page ?? readStored(SESSION.context.schema, (await session?.get(key))?.[key]));
      },
      stop.signal,
    );
    return () => {
      stop.abort();
      session?.onChanged.removeListener(onStored);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [place]);

  return { tabId: shownTab, context };
}
