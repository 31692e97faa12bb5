import type { Dispatch, SetStateAction } from 'react';
import {
  loadModes,
  readModes,
  DISPLAY_MODE_KEY,
  type DisplayModes,
  type SettingsArea,
  type SettingsEvents,
} from '../../settings/display-mode';
import { useStoredSetting } from './useStoredSetting';

/** The stored display modes, kept current when they change elsewhere (another options tab). */
export function useDisplayModes(
  area: SettingsArea,
  events: SettingsEvents,
): [DisplayModes | undefined, Dispatch<SetStateAction<DisplayModes | undefined>>] {
  return useStoredSetting(area, events, DISPLAY_MODE_KEY, readModes, loadModes);
}
