import type { ClydeDB } from '../db';
import { formatNumber, t } from '../../i18n';

/**
 * What the user keeps about a person for themself alone: their keep-in-touch rhythm, a star for a
 * key relationship, and the last time they opened an email thread with the person (a date only,
 * never what it said). Local to this device and never synced: nobody else learns how often this
 * user reads someone's email. Exported with everything else.
 */
export interface PersonalRow {
  personId: string;
  /** Days between contacts the user wants; 0 is "none", absent is "learn it from the history". */
  rhythmDays?: number;
  starred?: boolean;
  openedAt?: number;
}

/** The choices offered in one action; custom is any whole number of days in between. */
export const RHYTHMS = { '2 weeks': 14, monthly: 30, quarterly: 91, none: 0 } as const;
const MAX_RHYTHM_DAYS = 3 * 365;

/** Sets (or, with `undefined`, clears back to learning) how often to keep in touch. */
export async function setRhythm(db: ClydeDB, personId: string, days: number | undefined): Promise<void> {
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > MAX_RHYTHM_DAYS)) {
    throw new Error(t('errors.rhythm', { max: formatNumber(MAX_RHYTHM_DAYS) }));
  }
  await update(db, personId, (row) => {
    if (days === undefined) delete row.rhythmDays;
    else row.rhythmDays = days;
  });
}

export function setStarred(db: ClydeDB, personId: string, starred: boolean): Promise<void> {
  return update(db, personId, (row) => {
    row.starred = starred;
  });
}

/** An email thread with the person was opened: the date resets their rhythm, nothing else is kept. */
export function recordOpened(db: ClydeDB, personId: string, at = Date.now()): Promise<void> {
  return update(db, personId, (row) => {
    // A thread reopened later never moves the date back (clocks of two tabs may differ).
    row.openedAt = Math.max(row.openedAt ?? 0, at);
  });
}

async function update(db: ClydeDB, personId: string, change: (row: PersonalRow) => void): Promise<void> {
  await db.transaction('rw', db.personal, async () => {
    const row = (await db.personal.get(personId)) ?? { personId };
    change(row);
    await db.personal.put(row);
  });
}

/**
 * A merge moves the merged-away person's rows to the kept one: the later open date, the kept
 * person's rhythm if they have one, a star if either had it. Call inside the merge's transaction.
 */
export async function mergePersonal(db: ClydeDB, fromId: string, intoId: string): Promise<void> {
  const [from, into] = await db.personal.bulkGet([fromId, intoId]);
  if (!from) return;
  const merged: PersonalRow = { personId: intoId };
  const opened = Math.max(from.openedAt ?? -Infinity, into?.openedAt ?? -Infinity);
  if (opened > -Infinity) merged.openedAt = opened;
  const rhythm = into?.rhythmDays ?? from.rhythmDays;
  if (rhythm !== undefined) merged.rhythmDays = rhythm;
  if (from.starred || into?.starred) merged.starred = true;
  await db.personal.put(merged);
}
