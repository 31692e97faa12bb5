import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../storage/db';
import { mergePeople } from '../../storage/people/merge-people';
import type { Person } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { SearchPalette } from '../search/SearchPalette';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/** "Merge with…": pick anyone by search, confirm, and they are merged into this person. */
export function MergeWith({ person }: { person: Person }) {
  const [searching, setSearching] = useState(false);
  const [otherId, setOtherId] = useState<string | undefined>();
  const other = useLiveQuery(() => (otherId ? db.people.get(otherId) : undefined), [otherId]);
  const { error, run } = useAction();
  return (
    <>
      <button type="button" onClick={() => setSearching(true)} className="text-xs text-blue-800 underline">
        {t('merge.with')}
      </button>
      {searching && (
        <SearchPalette
          title={t('merge.whom')}
          onClose={() => setSearching(false)}
          onPick={(id) => {
            setSearching(false);
            setOtherId(id === person.id ? undefined : id);
          }}
        />
      )}
      {other && (
        <div role="group" aria-label={t('merge.confirm')} className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs">
          {t('merge.ask.before')}
          <bdi className="font-semibold">{other.name ?? t('merge.thisPerson')}</bdi>
          {t('merge.ask.middle')}
          <bdi>{person.name ?? t('merge.thisPerson')}</bdi>
          {t('merge.ask.after')}{' '}
          <button
            type="button"
            autoFocus
            className="font-semibold text-blue-800 underline"
            onClick={() => void run(() => mergePeople(db, other.id, person.id)).then((ok) => ok && setOtherId(undefined))}
          >
            {t('lookAlikes.merge')}
          </button>{' '}
          <button type="button" className="underline" onClick={() => setOtherId(undefined)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </>
  );
}
