import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../../storage/db';
import { sendSyncNow } from './sendSyncNow';
import { catchUpText } from './catch-up-text';
import { errorText, pendingText, retryText, syncedAgo } from './status-text';
import { useSyncState } from './useSyncState';
import { formatNumber, t } from '../../i18n';

/** Re-renders once a minute so "synced N min ago" stays true. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * One line about team sync: when it last worked, what is waiting, and why it stopped if it did,
 * with a "Sync now" button, and a way to the changes the server refused when there are any
 * (`onReview`: the settings page lists them; omitted where the list is on screen already).
 * Shows nothing on a device that has not joined a team.
 */
export function SyncStatus({ onSyncNow = sendSyncNow, onReview }: { onSyncNow?: () => Promise<void>; onReview?: () => void }) {
  const state = useSyncState();
  const refused = useLiveQuery(() => db.rejected.count());
  const now = useMinuteClock();
  const [busy, setBusy] = useState(false);
  if (!state?.account) return null;
  const pending = pendingText(state.status, state.pending);
  const error = state.status?.lastError;
  const catchingUp = catchUpText(state.catchUp);
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600" aria-live="polite">
      <span>{syncedAgo(state.status?.lastSyncAt, Math.max(now, state.status?.lastSyncAt ?? 0))}</span>
      {pending && <span>· {pending}</span>}
      {catchingUp && state.catchUp && (
        <span className="flex w-full items-center gap-2" data-testid="catch-up">
          <progress
            className="h-1.5 w-24"
            max={state.catchUp.total}
            value={state.catchUp.done}
            aria-label={t('syncMore.catchUpProgress')}
          />
          {catchingUp}
        </span>
      )}
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onSyncNow().finally(() => setBusy(false));
        }}
      >
        {t('sync.now')}
      </button>
      {onReview && refused ? (
        <button type="button" className="text-amber-700 underline" onClick={onReview}>
          {t('sync.refused', refused, [formatNumber(refused)])}
        </button>
      ) : null}
      {error && (
        <p role="alert" className="w-full text-red-700">
          {t('sync.notSynced', { reason: errorText(error) })} {retryText(state.status?.retryAt, now)}
        </p>
      )}
    </div>
  );
}
