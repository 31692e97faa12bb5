import type { ClydeDB } from '../db';
import { mergeTables } from './merge-people';
import type { MergeRecord } from './merge-log';
import { deleteRecord, writeRecord } from '../records/write';
import { t } from '../../i18n';

/**
 * Puts back what one merge changed: the merged-away person lives again with their own
 * identities, and every note, fact and task the merge moved returns to them. A record someone
 * has since moved elsewhere stays where they put it. One transaction, like the merge.
 */
export async function undoMerge(db: ClydeDB, mergeId: string): Promise<void> {
  return db.transaction('rw', mergeTables(db), async () => {
    const log = await db.merges.get(mergeId);
    if (!log) throw new Error(t('errors.thatMergeIsNoLonger'));
    if (log.undoneAt) throw new Error(t('errors.thatMergeWasAlreadyUndone'));
    if (!(await db.people.get(log.fromId))) throw new Error(t('errors.theMergedPersonIsGone'));
    for (const { entity, id } of log.moved) {
      const row = (await db.table(entity).get(id)) as { personId: string } | undefined;
      if (row?.personId === log.intoId) await writeRecord(db, entity, id, { personId: log.fromId });
    }
    for (const { fromIdentityId, intoIdentityId, intoBefore } of log.identities) {
      if (await db.identities.get(fromIdentityId)) await writeRecord(db, 'identities', fromIdentityId, { deleted: false });
      if (intoBefore !== 'live' && (await db.identities.get(intoIdentityId))) await deleteRecord(db, 'identities', intoIdentityId);
    }
    await writeRecord(db, 'people', log.fromId, { deleted: false, mergedInto: log.fromMergedInto ?? null });
    await db.merges.update(mergeId, { undoneAt: Date.now() });
  });
}

/** The newest merge into this person that is neither undone nor kept: the one to offer undo for. */
export async function pendingUndo(db: ClydeDB, intoId: string): Promise<MergeRecord | undefined> {
  const logs = await db.merges.where('intoId').equals(intoId).toArray();
  return logs.filter((m) => !m.undoneAt && !m.keptAt).sort((a, b) => b.at - a.at)[0];
}

export function keepMerge(db: ClydeDB, mergeId: string) {
  return db.merges.update(mergeId, { keptAt: Date.now() });
}
