import type { ClydeDB } from '../db';
import { ENTITY_SCHEMAS, type Entity, type RecordOf } from '../schema';

const EXPORT_FORMAT = 'clyde-export';
const EXPORT_VERSION = 1;

export type ClydeExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Edits not yet accepted by the team server, and those it refused: the user's words too. */
  pending: unknown[];
  rejected: unknown[];
} & { [E in Entity]: RecordOf<E>[] };

/**
 * Everything this browser holds about people, as one JSON-ready object: every person, address,
 * note, fact and task, private and shared, with their sync envelope (deleted ones included, marked
 * `deleted`), and edits still waiting for or refused by the team server. Read in one transaction, so
 * the file is a consistent snapshot even while sync writes.
 */
export async function exportAll(db: ClydeDB, now = new Date()): Promise<ClydeExport> {
  const entities = Object.keys(ENTITY_SCHEMAS) as Entity[];
  return db.transaction('r', [...entities.map((e) => db.table(e)), db.outbox, db.rejected], async () => {
    const tables = await Promise.all(entities.map(async (e) => [e, await db.table(e).toArray()] as const));
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now.toISOString(),
      ...(Object.fromEntries(tables) as { [E in Entity]: RecordOf<E>[] }),
      pending: await db.outbox.where('state').equals('pending').toArray(),
      rejected: await db.rejected.toArray(),
    };
  });
}

/** The export's file name, dated so several exports never overwrite each other. */
export const exportFileName = (now = new Date()) => `clyde-export-${now.toISOString().slice(0, 10)}.json`;
