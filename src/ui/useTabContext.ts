import { useEffect, useState } from 'react';
import { readStored, SESSION, type TabContext } from '../storage/keys';
import type { PageContext } from '../parsers/schema';
import { watchPanelTab, type PanelPlace } from './panel-tab';
import { onSessionChanges, type SessionChanges } from './session-changes';

export interface TabView {
  /** The tab whose page the panel shows; undefined until known, or when there is none. */
  tabId: number | undefined;
  context: PageContext | null | undefined;
}

/**
 * The tab this panel shows and its page context (`undefined` while loading); panels ask that tab's
 * page for more. The context is the copy the background keeps per tab in `storage.session`: read
 * once when the panel opens, reloads or switches tab, then followed through
 * `storage.session.onChanged`, which the background's write sets off as soon as a content script
 * reports a new page. Only a copy newer by the page's clock replaces the one shown.
 *
 * Firefox gives the injected frame (an extension page inside a web page) no `storage.session`,
 * not even in Firefox ESR 153. That frame gets its tab's copy with the `panel/hello` reply, and
 * later copies over a BroadcastChannel the background posts to as it stores each one (protocol.ts
 * `SESSION_RELAY`). Nothing stays connected, so nothing has to reconnect when the background
 * sleeps and nothing keeps it awake, as a `runtime.Port` to the background would; nothing
 * arrives here as a runtime message, whose one listener is the background's; and who is on screen
 * stays off disk and away from content scripts, where `storage.local` would put it.
 *
 * The panel never listens to `window.postMessage`: nothing the host page says can change who is
 * shown. A BroadcastChannel is no such door: only pages of the extension's own origin share it.
 */
export function useTabView(place: PanelPlace): TabView {
  const [context, setContext] = useState<PageContext | null | undefined>(undefined);
  const [shownTab, setShownTab] = useState<number | undefined>();

  useEffect(() => {
    const stop = new AbortController();
    let tabId: number | undefined;
    let newest = -Infinity;
    // Changes stored before this panel knows its tab (while it asks which tab it shows): kept, so a
    // page change landing in that moment is not lost behind the older copy the answer carries.
    const early = new Map<string, unknown>();
    const apply = (value: TabContext | undefined) => {
      // Nothing stored yet means nothing to show, unless a copy has arrived meanwhile.
      if (!value) return setContext((shown) => (shown === undefined ? null : shown));
      // Not older, and not the same page again either (a second copy would re-render the panel).
      if (value.at <= newest) return;
      newest = value.at;
      setContext(value.context);
    };
    const onStored = (changes: SessionChanges) => {
      if (tabId === undefined) {
        for (const [key, change] of Object.entries(changes)) early.set(key, change.newValue);
        return;
      }
      const change = changes[SESSION.context.name(tabId)];
      if (!change) return;
      // Removed: a page read on request, forgotten when its tab navigated away.
      if (change.newValue === undefined) {
        newest = -Infinity;
        return setContext(null);
      }
      // A copy of the page shown already: no need to validate it again.
      const at = (change.newValue as { at?: unknown } | null)?.at;
      if (typeof at === 'number' && at <= newest) return;
      apply(readStored(SESSION.context.schema, change.newValue));
    };
    // Firefox's injected frame has no storage.session: its tab's copy comes with the hello reply, and later ones on the relay.
    const session = onSessionChanges(onStored, stop.signal);
    watchPanelTab(
      place,
      async (tab, page) => {
        // The same tab again (the injected panel confirms its early answer, panel-tab.ts): only a newer copy of its page counts.
        const again = tab !== undefined && tab === tabId;
        tabId = tab;
        if (!again) {
          setShownTab(tab);
          newest = -Infinity;
        }
        if (tab === undefined) return setContext(null);
        const key = SESSION.context.name(tab);
        if (!again) setContext(undefined);
        apply(page ?? readStored(SESSION.context.schema, (await session?.get(key))?.[key]));
        // `apply` keeps whichever is newer, the answer or a change that came while asking.
        const meanwhile = early.get(key);
        early.clear();
        if (meanwhile) apply(readStored(SESSION.context.schema, meanwhile));
      },
      stop.signal,
    );
    return () => stop.abort();
  }, [place]);

  return { tabId: shownTab, context };
}
