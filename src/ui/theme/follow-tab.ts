import { useEffect } from 'react';
import type { THEMES } from '../../messaging/protocol';
import { readStored, SESSION } from '../../storage/keys';
import type { PanelPlace } from '../panel-tab';
import { onSessionChanges, type SessionChanges } from '../session-changes';
import { wearTheme } from './follow-host';

type Theme = (typeof THEMES)[number];

/**
 * Calls `onTheme` with the theme the page in tab `tabId` shows, as its content script reports it
 * (`page/theme`, kept per tab by the background): what is stored now (undefined: none reported),
 * then each change, until `signal` aborts. Changes come through `storage.session.onChanged`, or,
 * in Firefox's injected frame, which has no `storage.session`, through the background's relay
 * (protocol.ts `SESSION_RELAY`); that frame has its first theme from its URL (follow-host.ts).
 */
function followTabTheme(tabId: number, onTheme: (theme: Theme | undefined) => void, signal: AbortSignal): void {
  const key = SESSION.theme.name(tabId);
  let changed = false;
  const onStored = (changes: SessionChanges) => {
    const change = changes[key];
    if (!change || signal.aborted) return;
    changed = true;
    onTheme(readStored(SESSION.theme.schema, change.newValue));
  };
  const session = onSessionChanges(onStored, signal);
  // A change heard while asking is newer than the answer.
  void session?.get(key).then((items) => !changed && !signal.aborted && onTheme(readStored(SESSION.theme.schema, items[key])));
}

/**
 * The panel wears the theme of the page it shows. The side panel follows its tab: a page that
 * reported none (no reader there, or a page read on request) leaves it to the system setting. The
 * injected frame starts in the theme its URL gave it and takes each change the page reports
 * without reloading, so nothing typed into it is lost.
 */
export function useTabTheme(place: PanelPlace, tabId: number | undefined): void {
  useEffect(() => {
    if (tabId === undefined) {
      if (place === 'side-panel') wearInSidePanel(undefined);
      return;
    }
    const stop = new AbortController();
    followTabTheme(tabId, (theme) => (place === 'side-panel' ? wearInSidePanel(theme) : theme && wearTheme(document, theme)), stop.signal);
    return () => stop.abort();
  }, [place, tabId]);
}

/** The side panel's next first paint starts in the theme it wears now (public/side-panel-theme.js). */
const SIDE_PANEL_THEME = 'clyde:side-panel-theme';

function wearInSidePanel(theme: Theme | undefined): void {
  wearTheme(document, theme);
  if (theme) localStorage.setItem(SIDE_PANEL_THEME, theme);
  else localStorage.removeItem(SIDE_PANEL_THEME);
}
