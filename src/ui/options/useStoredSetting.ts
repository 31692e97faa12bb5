import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { SettingsArea, SettingsEvents } from '../../settings/display-mode';

/**
 * A setting stored under `key`, kept current when it changes elsewhere (another options tab).
 * Not `useLiveQuery`: settings live in `storage.local`, not in the CRM database. The setter lets a
 * choice show at once, before the write's change event comes back. `read` and `load` are the
 * setting's own schema-checked readers (module functions, so they never change).
 */
export function useStoredSetting<T>(
  area: SettingsArea,
  events: SettingsEvents,
  key: string,
  read: (stored: unknown) => T,
  load: (area: SettingsArea) => Promise<T>,
): [T | undefined, Dispatch<SetStateAction<T | undefined>>] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      const change = changes[key];
      if (change && live) setValue(read(change.newValue));
    };
    events.addListener(onChanged);
    void load(area).then((v) => live && setValue((shown) => shown ?? v));
    return () => {
      live = false;
      events.removeListener(onChanged);
    };
  }, [area, events, key, read, load]);
  return [value, setValue];
}
