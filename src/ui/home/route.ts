import { useSyncExternalStore } from 'react';

/**
 * Where Home is: the list (`#/`), or one person (`#/person/<id>`), optionally at the note or task
 * an item was about (`?note=<id>` / `?task=<id>`). In the hash, so Back and Forward, reloads and
 * bookmarks work on an extension page without a server.
 */
export interface PersonTarget {
  personId: string;
  noteId?: string;
  taskId?: string;
}

function parseRoute(hash: string): PersonTarget | undefined {
  const m = /^#\/person\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return undefined;
  const query = new URLSearchParams(m[2] ?? '');
  const target: PersonTarget = { personId: decodeURIComponent(m[1]!) };
  const noteId = query.get('note');
  const taskId = query.get('task');
  if (noteId) target.noteId = noteId;
  if (taskId) target.taskId = taskId;
  return target;
}

export function personHref({ personId, noteId, taskId }: PersonTarget): string {
  const query = new URLSearchParams();
  if (noteId) query.set('note', noteId);
  if (taskId) query.set('task', taskId);
  const q = query.toString();
  return `#/person/${encodeURIComponent(personId)}${q ? `?${q}` : ''}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => location.hash;

/** The person the hash points at, or undefined for the list. */
export function usePersonRoute(): PersonTarget | undefined {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

/** A company's or a deal's own page on Home: `#/company/<id>`, `#/opportunity/<id>`. */
export interface RecordTarget {
  kind: 'company' | 'opportunity';
  id: string;
}

export const companyHref = (id: string) => `#/company/${encodeURIComponent(id)}`;
export const opportunityHref = (id: string) => `#/opportunity/${encodeURIComponent(id)}`;

function parseRecordRoute(hash: string): RecordTarget | undefined {
  const m = /^#\/(company|opportunity)\/([^?]+)$/.exec(hash);
  return m ? { kind: m[1] as RecordTarget['kind'], id: decodeURIComponent(m[2]!) } : undefined;
}

export function useRecordRoute(): RecordTarget | undefined {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRecordRoute(hash);
}

/** The pipeline board (`#/board`), a page of Home of its own beside the list and the person pages. */
export const BOARD_HREF = '#/board';

export function useBoardRoute(): boolean {
  return useSyncExternalStore(subscribe, currentHash) === BOARD_HREF;
}
