import type { ClydeDB } from '../storage/db';
import { writeRecord } from '../storage/records/write';
import { companyMergeTables } from './merge-companies';
import { t } from '../i18n';

/**
 * Puts back what one company merge changed: the merged-away company lives again, and every
 * person, opportunity, note, fact and task the merge moved returns to it. A record someone has
 * since moved elsewhere stays where they put it. One transaction, like the merge. The offer to
 * undo and "keep" are people's (`pendingUndo`, `keepMerge` in storage/people/merge-undo.ts).
 */
export async function undoCompanyMerge(db: ClydeDB, mergeId: string): Promise<void> {
  return db.transaction('rw', companyMergeTables(db), async () => {
    const log = await db.merges.get(mergeId);
    if (!log?.links) throw new Error(t('errors.thatCompanyMergeIsNo'));
    if (log.undoneAt) throw new Error(t('errors.thatMergeWasAlreadyUndone'));
    if (!(await db.companies.get(log.fromId))) throw new Error(t('errors.theMergedCompanyIsGone'));
    for (const { entity, id } of log.moved) {
      const row = (await db.table(entity).get(id)) as { personId: string } | undefined;
      if (row?.personId === log.intoId) await writeRecord(db, entity, id, { personId: log.fromId });
    }
    for (const { entity, id } of log.links) {
      const row = (await db.table(entity).get(id)) as { companyId?: string | null } | undefined;
      if (row?.companyId === log.intoId) await writeRecord(db, entity, id, { companyId: log.fromId });
    }
    await writeRecord(db, 'companies', log.fromId, { deleted: false, mergedInto: log.fromMergedInto ?? null });
    await db.merges.update(mergeId, { undoneAt: Date.now() });
  });
}
