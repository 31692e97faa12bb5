import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../storage/db';
import { identitiesFor, removeIdentity } from '../../storage/records/identity';
import type { IdentityKind } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { AddIdentity } from './AddIdentity';
import { t } from '../../i18n';

// Site names stay as they are; only the plain web page is a word to translate.
const KIND: Record<IdentityKind, () => string> = {
  email: () => '',
  x: () => 'X',
  linkedin: () => 'LinkedIn',
  url: () => t('identities.web'),
};

/** A person's addresses, handles and profiles, each removable; "Add…" opens one more field. */
export function IdentityList({ personId }: { personId: string }) {
  const identities = useLiveQuery(() => identitiesFor(db, personId), [personId]);
  const [adding, setAdding] = useState(false);
  const { error, run } = useAction();
  return (
    <div className="text-xs text-slate-500">
      <ul aria-label={t('identities.title')}>
        {identities?.map((i) => (
          <li key={i.id} className="group flex items-center gap-1">
            <span className="min-w-0 truncate" data-testid="identity">
              {KIND[i.kind]() && <span className="mr-1 text-slate-400">{KIND[i.kind]()}</span>}
              {i.display}
            </span>
            <button
              type="button"
              aria-label={t('identities.remove', { what: i.display })}
              onClick={() => void run(() => removeIdentity(db, i.id))}
              className="text-slate-400 opacity-0 group-hover:opacity-100 hover:text-red-700 focus:text-red-700 focus:opacity-100"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      {adding ? (
        <AddIdentity personId={personId} />
      ) : (
        <button type="button" onClick={() => setAdding(true)} className="text-blue-800 underline">
          {t('identities.add')}
        </button>
      )}
    </div>
  );
}
