import type { SettingsArea, SettingsEvents } from '../../src/settings/display-mode';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;

/**
 * An in-memory `storage.local` for settings components: what is set is in `items`, and every
 * set tells the listeners, as another options tab's write would.
 */
export function fakeSettingsArea(): { items: Map<string, unknown>; area: SettingsArea; events: SettingsEvents } {
  const items = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const area: SettingsArea = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (next) => {
      for (const [k, v] of Object.entries(next)) items.set(k, v);
      for (const l of listeners) l(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, { newValue: v }])));
    },
  };
  const events: SettingsEvents = { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) };
  return { items, area, events };
}
