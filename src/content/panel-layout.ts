import { browser } from 'wxt/browser';

/** Width and collapsed state of the injected panel, per browser profile. Not CRM data. */
export interface PanelLayout {
  width: number;
  collapsed: boolean;
}

const MIN_WIDTH = 280;
const MAX_WIDTH = 640;
const KEY = 'panel:layout';
const DEFAULT: PanelLayout = { width: 340, collapsed: false };

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

export async function loadLayout(): Promise<PanelLayout> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<PanelLayout> | undefined;
  return {
    width: clampWidth(typeof stored?.width === 'number' ? stored.width : DEFAULT.width),
    collapsed: typeof stored?.collapsed === 'boolean' ? stored.collapsed : DEFAULT.collapsed,
  };
}

export function saveLayout(layout: PanelLayout): Promise<void> {
  return browser.storage.local.set({ [KEY]: layout });
}
