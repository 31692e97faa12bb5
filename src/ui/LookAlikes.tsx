import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../storage/db';
import { lookAlikes } from '../storage/people/look-alikes';
import { mergePeople } from '../storage/people/merge-people';
import type { Person } from '../storage/schema';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';
import { t } from '../i18n';

/**
 * People who look like this one, with the reason; merging always asks first and can be undone.
 * A suggestion whose names or domains only look alike carries a visible warning.
 */
export function LookAlikes({ person }: { person: Person }) {
  const similar = useLiveQuery(() => lookAlikes(db, person), [person.id, person.name, person.company]);
  const [confirming, setConfirming] = useState<string | undefined>();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const { error, run } = useAction();
  const shown = similar?.filter((s) => !dismissed.includes(s.person.id)) ?? [];
  if (shown.length === 0) return <ErrorLine error={error} />;
  return (
    <section aria-label={t('lookAlikes.title')} className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-xs">
      {shown.map(({ person: other, reason, warning }) => (
        <div key={other.id} data-testid="look-alike" className="mb-1">
          <div>
            {t('lookAlikes.looksLike')} <bdi className="font-semibold">{other.name}</bdi>
            {other.company && ` (${other.company})`}: {reason}.
          </div>
          {warning && (
            <p role="note" data-testid="look-alike-warning" className="mt-1 font-semibold text-red-800">
              ⚠ {warning}. {t('lookAlikes.warning')}
            </p>
          )}
          {confirming === other.id ? (
            <div className="mt-1">
              {t('lookAlikes.confirm.before')}
              <bdi>{other.name}</bdi>
              {t('lookAlikes.confirm.after')}{' '}
              <button
                type="button"
                autoFocus
                className="font-semibold text-blue-800 underline"
                onClick={() => void run(() => mergePeople(db, other.id, person.id))}
              >
                {t('lookAlikes.merge')}
              </button>{' '}
              <button type="button" className="underline" onClick={() => setConfirming(undefined)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <div className="mt-1 space-x-2">
              <button type="button" className="font-semibold text-blue-800 underline" onClick={() => setConfirming(other.id)}>
                {t('lookAlikes.mergeAsk')}
              </button>
              <button type="button" className="underline" onClick={() => setDismissed((d) => [...d, other.id])}>
                {t('lookAlikes.notSame')}
              </button>
            </div>
          )}
        </div>
      ))}
      <ErrorLine error={error} />
    </section>
  );
}
