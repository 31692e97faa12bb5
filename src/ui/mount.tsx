import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../storage/db';
import { App } from './App';
import type { PanelPlace } from './panel-tab';
import { followHostTheme } from './theme/follow-host';

/** The same panel app runs in the injected frame (webmail) and in the browser's side panel. */
export function mountPanel(place: PanelPlace): void {
  // Before the first render, so the panel's first paint is already in the host page's theme.
  if (place === 'frame') followHostTheme();
  // Open the database while the panel asks which page it is on, so the first person shows sooner.
  void db.open();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App place={place} />
    </StrictMode>,
  );
}
