import { useEffect, useState } from 'react';
import { askPersistence, browserStorage, type Persistence, type StorageApi } from '../../storage/persistence';

const SAYS: Record<Persistence, string> = {
  granted:
    'Kept for good: the browser will not delete Clyde’s data to free up disk space. Only removing Clyde, or clearing its data yourself, deletes it.',
  // Chrome grants it by its own measure of use and says no to a new install; it is still true that
  // nothing is promised, so the advice is the one that protects the data whatever the browser does.
  'not-granted':
    'Not promised: the browser did not grant Clyde persistent storage, so if the disk runs very low it may delete Clyde’s data without asking. Save your data regularly (Your data, below).',
  unavailable:
    'This browser does not say whether it keeps Clyde’s data when the disk runs low. Save your data regularly (Your data, below).',
};

/** "12.3 MB": the size Clyde takes, readable at a glance. */
function readableSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1000 && unit < units.length - 1) {
    n /= 1000;
    unit++;
  }
  return unit === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Settings → Storage: whether the browser keeps Clyde's data for good (asked for on opening,
 * as every Clyde page does), what that means, and how much room Clyde takes of what it may use.
 */
export function StorageSettings({ storage = browserStorage() }: { storage?: StorageApi }) {
  const [persistence, setPersistence] = useState<Persistence | undefined>();
  const [usage, setUsage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void askPersistence(storage).then((p) => live && setPersistence(p));
    void storage
      ?.estimate()
      .then(({ usage: used, quota }) => {
        if (live && used !== undefined && quota)
          setUsage(`Clyde takes ${readableSize(used)} of the ${readableSize(quota)} this browser lets it use.`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [storage]);
  return (
    <section className="mt-6 space-y-2" aria-labelledby="storage-title">
      <h2 id="storage-title" className="text-base font-semibold">
        Storage
      </h2>
      {persistence && (
        <p className={`text-sm ${persistence === 'granted' ? 'text-slate-600' : 'text-amber-700'}`} data-testid="persistence">
          {SAYS[persistence]}
        </p>
      )}
      {persistence === 'not-granted' && (
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
          onClick={() => void askPersistence(storage).then(setPersistence)}
        >
          Ask the browser again
        </button>
      )}
      {usage && <p className="text-sm text-slate-600">{usage}</p>}
    </section>
  );
}
