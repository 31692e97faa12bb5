import { displayName, type Correspondent, type PageContext } from '../parsers/schema';
import type { ClydeDB } from '../storage/db';
import { ensurePersonFor, identityTables } from '../storage/records/identity';
import { addNote, noteForThread, updateNote } from '../storage/records/notes';
import type { Note } from '../storage/schema';
import { NOTE_MAX } from './plan';
import { cut, httpsOnly } from './quote';
import { t } from '../i18n';

/** The open thread as the panel sees it: enough to log it, never its body. */
export interface EmailEntry {
  /** Site + thread id (or the thread's URL when the site shows no id): one entry per thread. */
  threadKey: string;
  subject: string;
  participants: string[];
  url?: string;
}

/** The thread on screen, or undefined when the page shows no thread to log. */
export function emailEntry(context: PageContext): EmailEntry | undefined {
  if (context.view !== 'thread') return undefined;
  const id = context.thread?.id;
  return {
    threadKey: `${context.site}:${id || context.url}`,
    subject: context.thread?.subject?.trim() || '(no subject)',
    participants: context.people.map((p) => (p.name && p.email ? `${p.name} <${p.email}>` : (displayName(p) ?? ''))).filter(Boolean),
    url: httpsOnly(context.url),
  };
}

const quoted = (selection: string) =>
  selection
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

function emailBody(entry: EmailEntry, selection?: string): string {
  const head = `Email: ${entry.subject}\nWith: ${entry.participants.join(', ')}`;
  return selection?.trim() ? `${head}\n\n${quoted(selection)}` : head;
}

export type Logged = { note: Note; created: boolean };

/**
 * Logs the thread as an email interaction of this correspondent (made a person if Clyde has not
 * met them), dated `occurredAt` (when its latest message was sent, or now). Logging a thread that already has an entry changes nothing and returns that entry,
 * so a double press or a second visit never duplicates it. One transaction: two quick presses
 * are serialized, and the second sees the first's note.
 */
export function logEmail(db: ClydeDB, c: Correspondent, entry: EmailEntry, selection?: string, occurredAt = Date.now()): Promise<Logged> {
  return db.transaction('rw', [...identityTables(db), db.notes], async () => {
    const person = await ensurePersonFor(db, c);
    const existing = await noteForThread(db, person.id, entry.threadKey);
    if (existing) return { note: existing, created: false };
    const body = cut(emailBody(entry, selection), NOTE_MAX);
    const note = await addNote(db, person.id, { body, kind: 'email', sourceUrl: entry.url, threadKey: entry.threadKey, occurredAt });
    return { note, created: true };
  });
}

/** Appends a newly selected passage to the thread's entry; the entry never grows past a note's limit. */
export async function addToLogged(db: ClydeDB, note: Note, selection: string): Promise<Note> {
  if (!selection.trim()) throw new Error(t('errors.selectTextInTheEmail'));
  const body = `${note.body}\n\n${quoted(selection)}`;
  if (body.length > NOTE_MAX) throw new Error(t('errors.theEntryIsFullThis'));
  return updateNote(db, note.id, { body });
}
