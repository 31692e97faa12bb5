import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { t } from '../../i18n';

/**
 * Says that Home's lists are behind while a catch-up's summaries wait in the queue: after a big
 * join they are rebuilt once its records are in and search has them (sync/client/service.ts), and
 * until then the lists would look complete while they are not.
 */
export function SummariesBehind() {
  const behind = useLiveQuery(async () => (await db.summaryQueue.count()) > 0);
  if (!behind) return null;
  return (
    <p
      role="status"
      data-testid="home-behind"
      className="mt-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      {t('home.behind')}
    </p>
  );
}
