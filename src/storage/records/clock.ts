import { formatHlc, tick, type HlcState } from '../../sync/hlc';
import type { ClydeDB } from '../db';
import { getMeta, setMeta } from '../keys';

/**
 * This device's identity and clock, kept in `meta` so every context (panel, options, background)
 * shares one monotonic clock. Call only inside a transaction that includes `db.meta`.
 */

export interface Device {
  /** Stable per browser profile; the node id of this device's clock stamps. */
  clientId: string;
  /** Owner of records made here. Local until the user joins a team. */
  userId: string;
}

export async function device(db: ClydeDB): Promise<Device> {
  const stored = await getMeta(db, 'device');
  if (stored) return stored;
  const created: Device = { clientId: crypto.randomUUID(), userId: `local-${crypto.randomUUID()}` };
  await setMeta(db, 'device', created);
  return created;
}

/** Issues the next clock stamp and persists the clock in the same transaction as the edit. */
export async function nextStamp(db: ClydeDB, clientId: string): Promise<string> {
  const last: HlcState = (await getMeta(db, 'hlc')) ?? { wall: 0, counter: 0, node: clientId };
  const next = tick(last, Date.now());
  await setMeta(db, 'hlc', next);
  return formatHlc(next);
}
