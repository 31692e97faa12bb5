import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../storage/db';
import { App } from './App';
import type { PanelPlace } from './panel-tab';

/** The same panel app runs in the injected frame (webmail) and in the browser's side panel. */
export function mountPanel(place: PanelPlace): void {
  // Marks in the extension's own document (no web page sees them): the panel bench and DevTools
  // read where a cold panel's time goes (test/bench/panel-speed.ts).
  performance.mark('clyde:scripts-loaded');
  // Open the database while the panel asks which page it is on, so the first person shows sooner.
  void db.open().then(() => performance.mark('clyde:db-open'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App place={place} />
    </StrictMode>,
  );
}
