import { db } from '../../storage/db';
import { setStarred } from '../../storage/summaries/personal';
import { ErrorLine } from '../ErrorLine';
import { keysLabel, shortcut } from '../shortcuts';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/** The user's own star for a key relationship: it keeps them among the best customers. Local to this device. */
export function StarButton({ personId, starred }: { personId: string; starred: boolean }) {
  const { error, run } = useAction();
  return (
    <>
      <button
        type="button"
        aria-pressed={starred}
        aria-label={starred ? t('star.starred') : t('star.star')}
        aria-keyshortcuts={keysLabel(shortcut('home.star'))}
        title={starred ? t('star.starredTitle') : t('star.star')}
        onClick={() => void run(() => setStarred(db, personId, !starred))}
        className="text-base leading-none text-slate-400 aria-pressed:text-amber-500"
        data-testid="star"
      >
        {starred ? '★' : '☆'}
      </button>
      <ErrorLine error={error} />
    </>
  );
}
