import { identityId } from '../records/canonical';
import type { ClydeDB } from '../db';
import { identitiesFor } from '../records/identity';
import type { MergeRecord } from './merge-log';
import { deleteRecord, writeRecord, writeTables } from '../records/write';
import { mergePersonal } from '../summaries/personal';
import { t } from '../../i18n';

const MOVED = ['notes', 'preferences', 'tasks'] as const;

export const mergeTables = (db: ClydeDB) =>
  writeTables(db, db.people, db.identities, db.notes, db.preferences, db.tasks, db.merges, db.personal);

/**
 * Moves everything `fromId` has (notes, facts, tasks, identities) to `intoId` and marks `fromId`
 * as merged into it; a person shared with the team is never merged into a private one. One
 * transaction: a merge happens whole or not at all. Only ever called on the user's explicit
 * confirmation; Clyde suggests merges, it never makes them. What moved is logged in `merges`, so
 * `undoMerge` can put everything back. Returns the log's id.
 */
export async function mergePeople(db: ClydeDB, fromId: string, intoId: string): Promise<string> {
  if (fromId === intoId) throw new Error(t('errors.aPersonCannotBeMerged'));
  return db.transaction('rw', mergeTables(db), async () => {
    const [from, into] = await db.people.bulkGet([fromId, intoId]);
    if (!from || from.deleted || !into || into.deleted) throw new Error(t('errors.bothPeopleMustExistTo'));
    // The merged person disappears into the kept one: if only this user can see the kept one, the
    // whole team would lose someone they share, notes and all. Sharing stays an explicit act.
    if (from.scope === 'team' && into.scope !== 'team') {
      const [shared, mine] = [from.name || t('moreErrors.thatPerson'), into.name || t('moreErrors.thisPerson')];
      throw new Error(t('moreErrors.mergePersonShared', { shared, mine }));
    }
    const log: MergeRecord = {
      id: crypto.randomUUID(),
      at: Date.now(),
      fromId,
      intoId,
      moved: [],
      identities: [],
      fromMergedInto: from.mergedInto ?? null,
    };
    for (const entity of MOVED) {
      const rows = await db.table(entity).where('personId').equals(fromId).toArray();
      for (const row of rows) {
        await writeRecord(db, entity, row.id as string, { personId: intoId });
        log.moved.push({ entity, id: row.id as string });
      }
    }
    // Identity ids include the person, so an identity moves by being copied to the other person.
    // The copy keeps the original's scope: a merge never shares what was private.
    for (const identity of await identitiesFor(db, fromId)) {
      const copyId = identityId(intoId, identity.kind, identity.value);
      const existing = await db.identities.get(copyId);
      const intoBefore = !existing ? 'none' : existing.deleted ? 'deleted' : 'live';
      if (intoBefore !== 'live') {
        const { kind, value, display, scope } = identity;
        await writeRecord(
          db,
          'identities',
          copyId,
          { personId: intoId, kind, value, display, deleted: false, ...(existing ? {} : { scope }) },
          { create: !existing },
        );
      }
      await deleteRecord(db, 'identities', identity.id);
      log.identities.push({ fromIdentityId: identity.id, intoIdentityId: copyId, intoBefore });
    }
    await mergePersonal(db, fromId, intoId);
    await writeRecord(db, 'people', fromId, { deleted: true, mergedInto: intoId });
    await db.merges.add(log);
    return log.id;
  });
}
