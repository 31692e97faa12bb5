/**
 * The names of the two `browser.storage.local` settings the mail content script reads. They live
 * here, not in storage/keys.ts, because the in-page side may not import storage/ (DESIGN.md §2);
 * storage/keys.ts declares each with its schema from these names.
 */

/** Injected panel or side panel, per webmail site (display-mode.ts). */
export const DISPLAY_MODE_KEY = 'settings:display-mode';
/** Width and collapsed state of the injected panel (content/panel-layout.ts). */
export const PANEL_LAYOUT_KEY = 'panel:layout';
