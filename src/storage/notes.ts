import type { ClydeDB } from './db';
import type { Note, NoteKind, Tag } from './schema';
import { deleteRecord, writeRecord } from './write';

export interface NewNote {
  body: string;
  kind?: NoteKind;
  tag?: Tag;
  sourceUrl?: string;
  occurredAt?: number;
}

/** Throws a readable error for an empty note rather than storing nothing. */
export async function addNote(db: ClydeDB, personId: string, note: NewNote): Promise<Note> {
  const body = note.body.trim();
  if (!body) throw new Error('A note needs some text.');
  return writeRecord(
    db,
    'notes',
    crypto.randomUUID(),
    { personId, body, kind: note.kind ?? 'note', tag: note.tag, sourceUrl: note.sourceUrl, occurredAt: note.occurredAt ?? Date.now() },
    { create: true },
  );
}

export async function updateNote(db: ClydeDB, id: string, fields: Partial<Pick<Note, 'body' | 'tag' | 'occurredAt'>>): Promise<Note> {
  if (fields.body !== undefined && !fields.body.trim()) throw new Error('A note needs some text; delete it instead.');
  return writeRecord(db, 'notes', id, fields);
}

export function deleteNote(db: ClydeDB, id: string) {
  return deleteRecord(db, 'notes', id);
}

/** The timeline: newest first, deleted ones left out. */
export async function timelineFor(db: ClydeDB, personId: string): Promise<Note[]> {
  const rows = await db.notes
    .where('[personId+occurredAt]')
    .between([personId, -Infinity], [personId, Infinity])
    .reverse()
    .toArray();
  return rows.filter((n) => !n.deleted);
}
