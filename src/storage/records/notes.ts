import type { ClydeDB } from '../db';
import type { Note, NoteKind, Tag } from '../schema';
import { deleteRecord, writeRecord } from './write';
import { t } from '../../i18n';

export interface NewNote {
  body: string;
  kind?: NoteKind;
  tag?: Tag;
  sourceUrl?: string;
  occurredAt?: number;
  eventAt?: number;
  threadKey?: string;
}

/** Throws a readable error for an empty note rather than storing nothing. */
export async function addNote(db: ClydeDB, personId: string, note: NewNote): Promise<Note> {
  const body = note.body.trim();
  if (!body) throw new Error(t('errors.aNoteNeedsSomeText'));
  return writeRecord(
    db,
    'notes',
    crypto.randomUUID(),
    {
      personId,
      body,
      kind: note.kind ?? 'note',
      tag: note.tag,
      sourceUrl: note.sourceUrl,
      occurredAt: note.occurredAt ?? Date.now(),
      eventAt: note.eventAt,
      threadKey: note.threadKey,
    },
    { create: true },
  );
}

export async function updateNote(db: ClydeDB, id: string, fields: Partial<Pick<Note, 'body' | 'tag' | 'occurredAt'>>): Promise<Note> {
  if (fields.body !== undefined && !fields.body.trim()) throw new Error(t('errors.aNoteNeedsSomeText2'));
  return writeRecord(db, 'notes', id, fields);
}

export function deleteNote(db: ClydeDB, id: string) {
  return deleteRecord(db, 'notes', id);
}

/** The timeline: newest first, deleted ones left out. */
export async function timelineFor(db: ClydeDB, personId: string): Promise<Note[]> {
  const rows = await db.notes.where('[personId+occurredAt]').between([personId, -Infinity], [personId, Infinity]).reverse().toArray();
  return rows.filter((n) => !n.deleted);
}

/** The person's newest live note: their last interaction, for the brief. Walks the index from the end. */
export function lastNoteFor(db: ClydeDB, personId: string): Promise<Note | undefined> {
  return db.notes
    .where('[personId+occurredAt]')
    .between([personId, -Infinity], [personId, Infinity])
    .reverse()
    .filter((n) => !n.deleted)
    .first();
}

/**
 * The person's live note logged from this email thread, if any. A scan of one person's notes
 * rather than an index: a person has hundreds of notes at most, and the schema stays as released.
 */
export function noteForThread(db: ClydeDB, personId: string, threadKey: string): Promise<Note | undefined> {
  return db.notes
    .where('personId')
    .equals(personId)
    .filter((n) => n.threadKey === threadKey && !n.deleted)
    .first();
}
