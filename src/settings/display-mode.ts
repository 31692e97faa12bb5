/**
 * Where Clyde shows itself on each webmail site: in a panel injected beside the mail, or in the
 * browser's own side panel. A setting, not CRM data, so it lives in `storage.local`, which the
 * mail content script may read. LinkedIn and X have no choice: they are always the side panel
 * (LinkedIn forbids inserted elements and probes for extensions), so they are not stored here.
 */

import { DISPLAY_MODE_KEY } from './local-keys';

export { DISPLAY_MODE_KEY };

// The stored vocabulary; storage/keys.ts builds the setting's schema from it.
export const DISPLAY_MODES = ['injected', 'side-panel'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

const MAIL_SITES = ['gmail', 'outlook'] as const;
export type MailSite = (typeof MAIL_SITES)[number];

export const DEFAULT_MODE: DisplayMode = 'injected';

// Plain checks rather than zod: this module ships in the mail content script, whose size is
// budgeted. storage/keys.test.ts holds `readModes` to the key's schema.
const isMode = (value: unknown): value is DisplayMode => DISPLAY_MODES.some((m) => m === value);

export type DisplayModes = Record<MailSite, DisplayMode>;

/** The part of `browser.storage.local` this module uses, so tests can pass a fake. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
export interface SettingsEvents {
  addListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void;
  removeListener(cb: (changes: Record<string, { newValue?: unknown }>) => void): void;
}

export const isMailSite = (site: string | undefined): site is MailSite => MAIL_SITES.some((s) => s === site);

/** Every mail site's mode from a stored value, defaults filling whatever is missing or invalid. */
// Loose on purpose: an unknown site or a bad value from an older or newer build is ignored, not fatal.
export function readModes(stored: unknown): DisplayModes {
  const record: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const modeOf = (site: MailSite) => {
    const mode = record[site];
    return isMode(mode) ? mode : DEFAULT_MODE;
  };
  return { gmail: modeOf('gmail'), outlook: modeOf('outlook') };
}

export async function loadModes(area: SettingsArea): Promise<DisplayModes> {
  return readModes((await area.get(DISPLAY_MODE_KEY))[DISPLAY_MODE_KEY]);
}

/** Stores one site's mode, keeping the others. Throws on a value that is not a mode, before writing. */
export async function saveMode(area: SettingsArea, site: MailSite, mode: DisplayMode): Promise<void> {
  if (!isMailSite(site)) throw new Error(`Not a webmail site: ${String(site)}`);
  if (!isMode(mode)) throw new Error(`Not a display mode: ${String(mode)}`);
  const modes = await loadModes(area);
  await area.set({ [DISPLAY_MODE_KEY]: { ...modes, [site]: mode } });
}

/**
 * Calls `onMode` with the site's mode now and again whenever it changes (from the options page,
 * in any window), until `signal` aborts. Repeats of the same mode are not reported.
 */
export function watchMode(
  area: SettingsArea,
  events: SettingsEvents,
  site: MailSite,
  onMode: (mode: DisplayMode) => void,
  signal: AbortSignal,
): void {
  let shown: DisplayMode | undefined;
  // A change that lands while the first read is in flight is newer than what that read returns.
  let changed = false;
  const report = (mode: DisplayMode) => {
    if (signal.aborted || mode === shown) return;
    shown = mode;
    onMode(mode);
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    const change = changes[DISPLAY_MODE_KEY];
    if (!change) return;
    changed = true;
    report(readModes(change.newValue)[site]);
  };
  events.addListener(onChanged);
  signal.addEventListener('abort', () => events.removeListener(onChanged), { once: true });
  void loadModes(area).then(
    (modes) => changed || report(modes[site]),
    () => changed || report(DEFAULT_MODE),
  );
}
