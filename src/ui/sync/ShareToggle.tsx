import { useLiveQuery } from 'dexie-react-hooks';
import { db as defaultDb, type ClydeDB } from '../../storage/db';
import type { Entity } from '../../storage/schema';
import { setShared } from '../../sync/client/share';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { useSyncState } from './useSyncState';

/**
 * Private / shared switch for one record, shown only to its owner on a device in a team.
 * Sharing a note, fact or task also shares its person (see `setShared`).
 */
export function ShareToggle({ entity, id, db = defaultDb }: { entity: Entity; id: string; db?: ClydeDB }) {
  const state = useSyncState(db);
  const record = useLiveQuery(() => db.table(entity).get(id) as Promise<{ ownerId: string; scope: string } | undefined>, [db, entity, id]);
  const { error, run } = useAction();
  if (!state?.account || !record || record.ownerId !== state.device?.userId) return null;
  const shared = record.scope === 'team';
  return (
    <span className="inline-flex flex-col">
      <label className="inline-flex cursor-pointer items-center gap-1 text-xs text-slate-600">
        <input type="checkbox" checked={shared} onChange={() => void run(() => setShared(db, entity, id, !shared))} />
        {shared ? 'Shared with team' : 'Private'}
      </label>
      <ErrorLine error={error} />
    </span>
  );
}
