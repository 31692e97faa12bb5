import { LOCAL, readStored } from '../storage/keys';
import type { SettingsArea } from './display-mode';
import { t } from '../i18n';

/**
 * The user's reminder choices: a daily digest at a time of their choosing, and a notification
 * at a task's due time. Settings, not CRM data, so they live in `storage.local` (declared with
 * their schema in storage/keys.ts); the background reschedules its alarms when they change.
 */
export interface ReminderSettings {
  digest: boolean;
  /** Minutes after local midnight. */
  digestAt: number;
  dueTimes: boolean;
}

export const REMINDERS_KEY = LOCAL.reminders.name;

export const DEFAULT_REMINDERS: ReminderSettings = { digest: true, digestAt: 8 * 60 + 30, dueTimes: true };

/** The settings from a stored value; each missing or unreadable field is its default. */
export function readReminders(stored: unknown): ReminderSettings {
  const s = readStored(LOCAL.reminders.schema, stored) ?? {};
  const d = DEFAULT_REMINDERS;
  return { digest: s.digest ?? d.digest, digestAt: s.digestAt ?? d.digestAt, dueTimes: s.dueTimes ?? d.dueTimes };
}

export async function loadReminders(area: Pick<SettingsArea, 'get'>): Promise<ReminderSettings> {
  return readReminders((await area.get(REMINDERS_KEY))[REMINDERS_KEY]);
}

/** Stores a change, keeping the other settings. Throws before writing on a value the schema refuses. */
export async function saveReminders(area: SettingsArea, change: Partial<ReminderSettings>): Promise<ReminderSettings> {
  const next = { ...(await loadReminders(area)), ...change };
  // Read back through the schema: a field it would not keep is refused rather than stored and ignored.
  const kept = readStored(LOCAL.reminders.schema, next);
  if (kept?.digest !== next.digest || kept.digestAt !== next.digestAt || kept.dueTimes !== next.dueTimes) {
    throw new Error(t('errors.aDigestTimeIsA'));
  }
  await area.set({ [REMINDERS_KEY]: next });
  return next;
}
