import { useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../storage/db';
import type { StorageFault, StorageHealth } from '../storage/db-faults';
import { t } from '../i18n';

const SAYS: Record<Exclude<StorageFault, 'quota'>, () => string> = {
  outdated: () => t('storage.notice.outdated'),
  newer: () => t('storage.notice.newer'),
  blocked: () => t('storage.notice.blocked'),
};

/** The storage trouble that concerns the whole page, with the way out (a reload) where there is one. */
function Notice({ fault, reload }: { fault: Exclude<StorageFault, 'quota'>; reload: () => void }) {
  return (
    <div role="alert" className="m-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900" data-testid="storage-notice">
      <p>{SAYS[fault]()}</p>
      {fault !== 'blocked' && (
        <button
          type="button"
          onClick={reload}
          className="mt-1 rounded border border-amber-500 px-2 py-0.5 font-semibold hover:bg-amber-100"
        >
          {t('storage.reload')}
        </button>
      )}
    </div>
  );
}

interface GateProps {
  children: ReactNode;
  health?: StorageHealth;
  reload?: () => void;
}

/**
 * Wraps a page: shows the notice above it when another page upgraded the database, our upgrade
 * is blocked, or the database is newer than this code. The page's views need nothing more: their
 * queries fail with DatabaseClosedError, which Dexie's liveQuery keeps quiet about, so they stay
 * as they were (or loading) rather than showing data this code cannot read.
 */
export function StorageGate({ children, health = db.health, reload = () => location.reload() }: GateProps) {
  const fault = useSyncExternalStore(health.subscribe, health.fault);
  return (
    <>
      {fault && fault !== 'quota' && <Notice fault={fault} reload={reload} />}
      {children}
    </>
  );
}

/** A page's React root with the storage notice and gate around it (options, Home, the panel). */
export function renderGated(container: HTMLElement, page: ReactNode): void {
  createRoot(container).render(<StorageGate>{page}</StorageGate>);
}
