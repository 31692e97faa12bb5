import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { mergeCompanies } from '../../companies/merge-companies';
import { db } from '../../storage/db';
import type { Company } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { MergeUndo } from '../identities/MergeUndo';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * Two records for one customer ("Acme" and "ACME Ltd"): pick the other and confirm, and its people,
 * deals and notes move here. Never silent, and undone in one click afterwards.
 */
export function MergeCompany({ company }: { company: Company }) {
  const [otherId, setOtherId] = useState<string>();
  const { error, run } = useAction();
  const others = useLiveQuery(
    async () => (await db.companies.orderBy('name').toArray()).filter((c) => c.id !== company.id && !c.deleted && !c.mergedInto),
    [company.id],
  );
  const other = others?.find((c) => c.id === otherId);
  return (
    <div className="mt-1 text-xs">
      {otherId === undefined ? (
        others?.length ? (
          <button type="button" onClick={() => setOtherId('')} className="text-blue-700 hover:underline">
            {t('merge.with')}
          </button>
        ) : null
      ) : (
        <span className="flex flex-wrap items-center gap-1">
          <select
            aria-label={t('companyPage.mergeInto')}
            value={otherId}
            onChange={(e) => setOtherId(e.target.value)}
            className="rounded border border-slate-300"
          >
            <option value="">{t('companyPage.choose')}</option>
            {others?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {other && (
            <button
              type="button"
              onClick={() => void run(async () => (await mergeCompanies(db, company.id, other.id), setOtherId(undefined)))}
              className="rounded bg-blue-700 px-2 text-white"
            >
              {t('companyPage.merge', { other: other.name, company: company.name })}
            </button>
          )}
          <button type="button" onClick={() => setOtherId(undefined)} className="text-slate-600 hover:underline">
            {t('common.cancel')}
          </button>
        </span>
      )}
      <ErrorLine error={error} />
      <MergeUndo personId={company.id} company />
    </div>
  );
}
