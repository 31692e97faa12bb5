import type { ClydeDB } from '../db';
import type { Preference } from '../schema';
import { deleteRecord, writeRecord } from './write';
import { t } from '../../i18n';

/**
 * "order: grain in two bags" → key "order", value "grain in two bags". Text without a short
 * label before a colon is kept whole as the value.
 */
export function splitFact(text: string): { key: string; value: string } {
  const m = /^\s*([^:\n]{1,40}):\s+(\S[\s\S]*)$/.exec(text);
  return m ? { key: m[1]!.trim(), value: m[2]!.trim() } : { key: '', value: text.trim() };
}

export async function addPreference(db: ClydeDB, personId: string, text: string, pinned = false): Promise<Preference> {
  const { key, value } = splitFact(text);
  if (!value) throw new Error(t('errors.writeWhatToRememberFor'));
  return writeRecord(db, 'preferences', crypto.randomUUID(), { personId, key, value, pinned }, { create: true });
}

export async function updatePreference(db: ClydeDB, id: string, fields: Partial<Pick<Preference, 'key' | 'value' | 'pinned'>>) {
  if (fields.value !== undefined && !fields.value.trim()) throw new Error(t('errors.nothingToRememberDeleteIt'));
  return writeRecord(db, 'preferences', id, fields);
}

export function deletePreference(db: ClydeDB, id: string) {
  return deleteRecord(db, 'preferences', id);
}

/** The Remember list: pinned first, then most recently changed. */
export async function rememberFor(db: ClydeDB, personId: string): Promise<Preference[]> {
  const rows = await db.preferences.where('personId').equals(personId).toArray();
  return (
    rows
      .filter((p) => !p.deleted)
      // Facts written in the same millisecond (an import, a seed) keep one order, not the ids' random one.
      .sort(
        (a, b) =>
          Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || a.key.localeCompare(b.key) || a.value.localeCompare(b.value),
      )
  );
}
