import { browser } from 'wxt/browser';
import { PANEL_LAYOUT_KEY as KEY } from '../settings/local-keys';

/** Width and collapsed state of the injected panel, per browser profile. Not CRM data. */
export interface PanelLayout {
  width: number;
  collapsed: boolean;
}

const MIN_WIDTH = 280;
const MAX_WIDTH = 640;
const DEFAULT: PanelLayout = { width: 340, collapsed: false };

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/** Plain checks, not zod: the mail content script's size is budgeted (storage/keys.test.ts holds this to the key's schema). */
export function readLayout(stored: Partial<PanelLayout> | undefined): PanelLayout {
  return {
    width: clampWidth(typeof stored?.width === 'number' ? stored.width : DEFAULT.width),
    collapsed: typeof stored?.collapsed === 'boolean' ? stored.collapsed : DEFAULT.collapsed,
  };
}

export async function loadLayout(): Promise<PanelLayout> {
  return readLayout((await browser.storage.local.get(KEY))[KEY] as Partial<PanelLayout> | undefined);
}

export function saveLayout(layout: PanelLayout): Promise<void> {
  return browser.storage.local.set({ [KEY]: layout });
}
