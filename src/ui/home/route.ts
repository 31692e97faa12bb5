import { useSyncExternalStore } from 'react';
import type { BoardFilter } from '../board/columns';

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

/**
 * The pipeline board (`#/board`), a page of Home of its own beside the list and the person pages.
 * Its filters sit in the query (`?company=<id>&whose=mine`), so a reload, Back from a deal or a
 * bookmark keeps the board as the user left it.
 */
export const BOARD_HREF = '#/board';

export function boardHref({ companyId, owner }: BoardFilter): string {
  const query = new URLSearchParams();
  if (companyId) query.set('company', companyId);
  if (owner) query.set('whose', owner);
  const q = query.toString();
  return q ? `${BOARD_HREF}?${q}` : BOARD_HREF;
}

function parseBoardRoute(hash: string): BoardFilter | undefined {
  const m = /^#\/board(?:\?(.*))?$/.exec(hash);
  if (!m) return undefined;
  const query = new URLSearchParams(m[1] ?? '');
  const filter: BoardFilter = {};
  const companyId = query.get('company');
  const owner = query.get('whose');
  if (companyId) filter.companyId = companyId;
  if (owner === 'mine' || owner === 'team') filter.owner = owner;
  return filter;
}

/** The board's filters when the hash is at the board, else undefined. */
export function useBoardRoute(): BoardFilter | undefined {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseBoardRoute(hash);
}
