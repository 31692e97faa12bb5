import { db } from '../../storage/db';
import { addNeverLog } from '../../storage/records/never-log';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * "Never show this person": adds their address to the never-log list, and the panel forgets
 * them at once. The list is in Settings, where an address can be taken off again.
 */
export function NeverShow({ email }: { email: string }) {
  const { error, run } = useAction();
  return (
    <>
      <button
        type="button"
        onClick={() => void run(() => addNeverLog(db, email))}
        className="text-xs text-slate-500 underline hover:text-red-700"
      >
        {t('neverLog.neverShow')}
      </button>
      <ErrorLine error={error} />
    </>
  );
}
