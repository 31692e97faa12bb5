import type { ClydeDB } from '../db';
import { ENTITY_SCHEMAS, type Entity, type RecordOf } from '../schema';
import { getMeta } from '../keys';
import type { PersonalRow } from '../summaries/personal';
import { progressOf, type LongWork } from '../progress';

export const EXPORT_FORMAT = 'clyde-export';
export const EXPORT_VERSION = 1;

export type ClydeExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /**
   * Who made it: on restore, their records are the restorer's own (storage/restore/). Absent from
   * a device that never wrote anything, so has no user yet.
   */
  userId?: string;
  /** Edits not yet accepted by the team server, and those it refused: the user's words too. */
  pending: unknown[];
  rejected: unknown[];
  /** This user's own keep-in-touch rhythms, stars and last opened threads (kept on this device only). */
  personal: PersonalRow[];
} & { [E in Entity]: RecordOf<E>[] };

/**
 * Everything this browser holds about people, as one JSON-ready object: every person, address,
 * note, fact and task, company, pipeline stage and opportunity (every synced entity), private and
 * shared, with their sync envelope (a deleted record is not among them: deleting erases it, sync/erase.ts), edits still waiting
 * for or refused by the team server, and what the user keeps for themself (rhythms, stars, when
 * they last opened a thread with someone). Read in one transaction, so the file is a consistent
 * snapshot even while sync writes. Progress counts the records read, kind by kind; a cancel
 * between two kinds throws, and no file is made.
 */
export async function exportAll(db: ClydeDB, now = new Date(), work: LongWork = {}): Promise<ClydeExport> {
  const entities = Object.keys(ENTITY_SCHEMAS) as Entity[];
  return db.transaction('r', [...entities.map((e) => db.table(e)), db.outbox, db.rejected, db.personal, db.meta], async () => {
    const userId = (await getMeta(db, 'device'))?.userId;
    const sizes = await Promise.all(entities.map((e) => db.table(e).count()));
    const progress = progressOf(
      sizes.reduce((a, b) => a + b, 0),
      work,
    );
    const tables: (readonly [Entity, unknown[]])[] = [];
    for (const e of entities) {
      const rows = await db.table(e).toArray();
      tables.push([e, rows]);
      progress.tick(rows.length);
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now.toISOString(),
      ...(userId ? { userId } : {}),
      ...(Object.fromEntries(tables) as { [E in Entity]: RecordOf<E>[] }),
      pending: await db.outbox.where('state').equals('pending').toArray(),
      rejected: await db.rejected.toArray(),
      personal: await db.personal.toArray(),
    };
  });
}

/** The export's file name, dated so several exports never overwrite each other. */
export const exportFileName = (now = new Date()) => `clyde-export-${now.toISOString().slice(0, 10)}.json`;
