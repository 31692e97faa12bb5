import { useEffect, useState } from 'react';
import { askPersistence, browserStorage, type Persistence, type StorageApi } from '../../storage/persistence';
import { formatNumber, t } from '../../i18n';

const SAYS: Record<Persistence, () => string> = {
  granted: () => t('storage.persistence.granted'),
  // Chrome grants it by its own measure of use and says no to a new install; it is still true that
  // nothing is promised, so the advice is the one that protects the data whatever the browser does.
  'not-granted': () => t('storage.persistence.notGranted'),
  unavailable: () => t('storage.persistence.unavailable'),
};

/** "1.5" in English, "1,5" in German; one decimal below 10 so small sizes do not read as 0 or 1. */
const sizeFormats = [0, 1].map(
  (digits) => new Intl.NumberFormat(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
);

/** "12.3 MB": the size Clyde takes, readable at a glance. */
function readableSize(bytes: number): string {
  const units = ['', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1000 && unit < units.length - 1) {
    n /= 1000;
    unit++;
  }
  // KB, MB… read the same in English and German; only the number's decimal mark differs.
  return unit === 0 ? t('storage.bytes', n, [formatNumber(n)]) : `${sizeFormats[n < 10 ? 1 : 0]!.format(n)} ${units[unit]}`;
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
        if (live && used !== undefined && quota) setUsage(t('storage.usage', { used: readableSize(used), quota: readableSize(quota) }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [storage]);
  return (
    <section className="mt-6 space-y-2" aria-labelledby="storage-title">
      <h2 id="storage-title" className="text-base font-semibold">
        {t('storage.title')}
      </h2>
      {persistence && (
        <p className={`text-sm ${persistence === 'granted' ? 'text-slate-600' : 'text-amber-700'}`} data-testid="persistence">
          {SAYS[persistence]()}
        </p>
      )}
      {persistence === 'not-granted' && (
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
          onClick={() => void askPersistence(storage).then(setPersistence)}
        >
          {t('storage.askAgain')}
        </button>
      )}
      {usage && <p className="text-sm text-slate-600">{usage}</p>}
    </section>
  );
}
