import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { undoCompanyMerge } from '../../companies/merge-companies-undo';
import { keepMerge, pendingUndo, undoMerge } from '../../storage/people/merge-undo';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * Right after a merge (and after a reload: the log is stored), an offer to undo it. It stays
 * until the user undoes or keeps the merge, so a merge made in a hurry can always be reversed.
 * People and companies share the merge log; `company` says which this one kept.
 */
export function MergeUndo({ personId, company = false }: { personId: string; company?: boolean }) {
  const pending = useLiveQuery(async () => {
    const merge = await pendingUndo(db, personId);
    return merge && { merge, from: await (company ? db.companies : db.people).get(merge.fromId) };
  }, [personId, company]);
  const { error, run } = useAction();
  if (!pending) return null;
  const { merge, from } = pending;
  return (
    <div role="status" className="mt-2 rounded border border-blue-200 bg-blue-50 p-2 text-xs">
      {t('merge.merged.before')}
      <bdi className="font-semibold">{from?.name ?? (company ? t('merge.anotherCompany') : t('merge.anotherPerson'))}</bdi>
      {company ? t('merge.merged.afterCompany') : t('merge.merged.afterPerson')}{' '}
      <button
        type="button"
        className="font-semibold text-blue-800 underline"
        onClick={() => void run(() => (company ? undoCompanyMerge : undoMerge)(db, merge.id))}
      >
        {t('merge.undo')}
      </button>{' '}
      <button type="button" className="underline" onClick={() => void run(() => keepMerge(db, merge.id))}>
        {t('merge.keep')}
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
