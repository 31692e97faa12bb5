import type { ClydeDB } from '../../storage/db';
import { formatHlc, receive, type HlcState } from '../hlc';
import { SyncApiError } from './api';
import { deviceOf, getMeta, setMeta } from './state';
import { t } from '../../i18n';

/**
 * What every push and pull step does at its edges: learn who this device is when it starts, and
 * fold the server's clock into ours when it ends.
 */

/**
 * This device's ids, read inside every step and transaction rather than once per round, so no
 * step runs for a device that has left its team meanwhile.
 */
export async function identity(db: ClydeDB) {
  const me = await deviceOf(db);
  if (!me || !(await getMeta(db, 'account'))) throw new SyncApiError('NOT_JOINED', t('syncErrors.notJoined'));
  return me;
}

/**
 * Our next stamp orders after everything the server has seen (sync.md §4.3, HLC discipline).
 * `read`: the stored clock as read earlier in this transaction (null: none), saving a round trip.
 */
export async function receiveClock(db: ClydeDB, clientId: string, remote: string, now: number, read?: HlcState | null): Promise<void> {
  const stored = read === undefined ? await getMeta(db, 'hlc') : read;
  const last: HlcState = stored ?? { wall: 0, counter: 0, node: clientId };
  const next = receive(last, remote, now);
  if (formatHlc(next) > formatHlc(last)) await setMeta(db, 'hlc', next);
}
