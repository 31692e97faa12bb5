import type { ClydeDB } from '../storage/db';
import { rememberFor } from '../storage/records/preferences';

const SHOWN = 100;

/**
 * One line to have in mind before doing a task for someone: the top of their Remember list (a
 * pinned fact, else the newest: "order: grain in two bags"), else what was last noted about them,
 * the same line a reminder carries. Undefined for someone with neither.
 */
export async function contextLine(db: ClydeDB, personId: string): Promise<string | undefined> {
  const [top] = await rememberFor(db, personId);
  if (top) return cut(top.key ? `${top.key}: ${top.value}` : top.value);
  const last = await db.notes
    .where('[personId+occurredAt]')
    .between([personId, -Infinity], [personId, Infinity])
    .reverse()
    .filter((n) => !n.deleted)
    .first();
  return last && cut(last.body);
}

const cut = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1).trimEnd()}…` : line;
};
