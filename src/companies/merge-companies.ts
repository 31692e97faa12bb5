import type { ClydeDB } from '../storage/db';
import type { MergeRecord } from '../storage/people/merge-log';
import { writeRecord, writeTables } from '../storage/records/write';
import { t } from '../i18n';

/** A company's own notes, facts and tasks name it as their subject, like a person's. */
const OWN = ['notes', 'preferences', 'tasks'] as const;
/** Records that point at a company. */
const LINKED = ['people', 'opportunities'] as const;

export const companyMergeTables = (db: ClydeDB) =>
  writeTables(db, db.companies, db.people, db.opportunities, db.notes, db.preferences, db.tasks, db.merges);

/**
 * Merges `fromId` into `intoId`: its people, opportunities and its own notes, facts and tasks move
 * to `intoId`, and `fromId` is marked merged into it (its domains stay with it: an address at one
 * of them resolves through `mergedInto`). A company shared with the team is never merged into a
 * private one. One transaction; only on the user's explicit confirmation. Logged in `merges` like
 * a merge of people, so `undoCompanyMerge` puts it back. Returns the log's id.
 */
export async function mergeCompanies(db: ClydeDB, intoId: string, fromId: string): Promise<string> {
  if (fromId === intoId) throw new Error(t('errors.aCompanyCannotBeMerged'));
  return db.transaction('rw', companyMergeTables(db), async () => {
    const [from, into] = await db.companies.bulkGet([fromId, intoId]);
    if (!from || from.deleted || !into || into.deleted) throw new Error(t('errors.bothCompaniesMustExistTo'));
    // The merged company disappears into the kept one: if only this user can see the kept one, the
    // whole team would lose a company they share, people links and all.
    if (from.scope === 'team' && into.scope !== 'team') {
      throw new Error(t('moreErrors.mergeCompanyShared', { from: from.name, into: into.name }));
    }
    const log: MergeRecord = {
      id: crypto.randomUUID(),
      at: Date.now(),
      fromId,
      intoId,
      moved: [],
      identities: [],
      links: [],
      fromMergedInto: from.mergedInto ?? null,
    };
    for (const entity of OWN) {
      for (const row of await db.table(entity).where('personId').equals(fromId).toArray()) {
        await writeRecord(db, entity, row.id as string, { personId: intoId });
        log.moved.push({ entity, id: row.id as string });
      }
    }
    for (const entity of LINKED) {
      for (const row of await db.table(entity).where('companyId').equals(fromId).toArray()) {
        await writeRecord(db, entity, row.id as string, { companyId: intoId });
        log.links!.push({ entity, id: row.id as string });
      }
    }
    await writeRecord(db, 'companies', fromId, { deleted: true, mergedInto: intoId });
    await db.merges.add(log);
    return log.id;
  });
}
