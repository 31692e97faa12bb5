// First: the database opens while the rest of the panel's code loads and runs.
import './open-early';
import { StrictMode } from 'react';
import { askPersistence } from '../storage/persistence';
import { App } from './App';
import { holdLaterParts } from './later';
import { renderGated } from './StorageNotice';
import { helloEarly, type PanelPlace } from './panel-tab';
import { followHostTheme } from './theme/follow-host';

/** The same panel app runs in the injected frame (webmail) and in the browser's side panel. */
export function mountPanel(place: PanelPlace): void {
  // Marks in the extension's own document (no web page sees them): the panel bench and DevTools
  // read where a cold panel's time goes (test/bench/panel-speed.ts).
  performance.mark('clyde:scripts-loaded');
  if (place === 'frame') {
    helloEarly();
    // Before the first render, so the panel's first paint is already in the host page's theme.
    followHostTheme();
  }
  // Browsers remember the answer; Settings → Storage says what it was.
  void askPersistence();
  // What the person's card does not need loads once it is on screen (later.tsx).
  holdLaterParts();
  renderGated(
    document.getElementById('root')!,
    <StrictMode>
      <App place={place} />
    </StrictMode>,
  );
}
