import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import {
  loadModes,
  readModes,
  DISPLAY_MODE_KEY,
  type DisplayModes,
  type SettingsArea,
  type SettingsEvents,
} from '../../settings/display-mode';

/**
 * The stored display modes, kept current when they change elsewhere (another options tab).
 * Not `useLiveQuery`: settings live in `storage.local`, not in the CRM database. The setter lets a
 * choice show at once, before the write's change event comes back.
 */
export function useDisplayModes(
  area: SettingsArea,
  events: SettingsEvents,
): [DisplayModes | undefined, Dispatch<SetStateAction<DisplayModes | undefined>>] {
  const [modes, setModes] = useState<DisplayModes>();
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      const change = changes[DISPLAY_MODE_KEY];
      if (change && live) setModes(readModes(change.newValue));
    };
    events.addListener(onChanged);
    void loadModes(area).then((m) => live && setModes((shown) => shown ?? m));
    return () => {
      live = false;
      events.removeListener(onChanged);
    };
  }, [area, events]);
  return [modes, setModes];
}
