import type { Correspondent } from '../parsers/schema';
import type { ClydeDB } from '../storage/db';
import { ensurePersonFor, identityTables } from '../storage/records/identity';
import { addNote } from '../storage/records/notes';
import type { Note } from '../storage/schema';
import { NOTE_MAX } from './plan';
import { t } from '../i18n';

/** Page data is hostile: only an https link is kept as a source (DESIGN.md §2). */
export function httpsOnly(url: string | undefined): string | undefined {
  if (!url || url.length > 2048 || !URL.canParse(url)) return undefined;
  return new URL(url).protocol === 'https:' ? url : undefined;
}

/**
 * Stores text selected on a page as a quote of this correspondent, with the page as its source.
 * A selection longer than a note is cut and marked, rather than refused: the user cannot edit
 * a context-menu selection, and the source link leads back to the rest.
 */
export function addQuote(db: ClydeDB, c: Correspondent, selection: string, sourceUrl: string | undefined, now = Date.now()): Promise<Note> {
  const text = selection.trim();
  if (!text) return Promise.reject(new Error(t('captureErrors.nothingSelected')));
  const body = shorten(text, NOTE_MAX);
  return db.transaction('rw', [...identityTables(db), db.notes], async () => {
    const person = await ensurePersonFor(db, c);
    return addNote(db, person.id, { body, kind: 'quote', sourceUrl: httpsOnly(sourceUrl), occurredAt: now });
  });
}

/** The first `max` UTF-16 units, without leaving half of a surrogate pair at the end. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}

/** At most `max` UTF-16 units: a longer text is cut (as `cut` does) and ends with "…". */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${cut(text, max - 1)}…` : text;
}
