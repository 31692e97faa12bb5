import { useState } from 'react';
import type { Correspondent } from '../../parsers/schema';
import { db } from '../../storage/db';
import { linkToPerson } from '../../storage/records/identity';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { SearchPalette } from './SearchPalette';
import { t } from '../../i18n';

/**
 * For someone Clyde does not recognise (a new address, a profile not clipped yet): pick the
 * person they already are, and the page's address or profile is added to that person.
 */
export function LinkToPerson({ correspondent }: { correspondent: Correspondent }) {
  const [open, setOpen] = useState(false);
  const { error, run } = useAction();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-blue-800 underline">
        {t('search.link')}
      </button>
      {open && (
        <SearchPalette
          title={t('search.linkWhom')}
          initialQuery={correspondent.name ?? ''}
          onClose={() => setOpen(false)}
          onPick={(personId) => {
            setOpen(false);
            void run(() => linkToPerson(db, personId, correspondent));
          }}
        />
      )}
      <ErrorLine error={error} />
    </>
  );
}
