import { useLiveQuery } from 'dexie-react-hooks';
import type { Correspondent, PageContext } from '../../parsers/schema';
import { db } from '../../storage/db';
import { coveringEntry, neverLogSet } from '../../storage/never-log';

/**
 * The page's people minus anyone on the never-log list; `undefined` until both are known, so a
 * never-logged correspondent is not shown even for a moment.
 */
export function useVisiblePeople(context: PageContext | null | undefined): Correspondent[] | undefined {
  const list = useLiveQuery(() => neverLogSet(db), []);
  if (!context || !list) return context === null ? [] : undefined;
  return context.people.filter((p) => !coveringEntry(list, p.email));
}
