import { z } from 'zod';
import type { Device } from '../../storage/records/clock';
import type { ClydeDB } from '../../storage/db';
import type { Entity } from '../../storage/schema';

/**
 * What the sync client keeps in `db.meta`. Extension IndexedDB is readable only by extension
 * pages, so the token lives here and never in `storage.local` (which content scripts can read).
 * Every row is parsed on the way out: meta outlives builds.
 */

const AccountSchema = z
  .object({ serverUrl: z.string(), token: z.string(), teamId: z.string(), userId: z.string(), deviceId: z.string() })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

/**
 * Local outbox keys keep counting across teams, while the server numbers a client's ops from 1.
 * `base` maps one to the other (server clientSeq = local clientSeq − base); it is fixed by the
 * first push of `clientId` and moved only when the server proves it needs other numbers (GAP).
 */
const SeqBaseSchema = z.object({ clientId: z.string(), base: z.number().int() }).strict();

const SyncStatusSchema = z
  .object({
    lastSyncAt: z.number().optional(),
    lastError: z.object({ code: z.string(), message: z.string() }).strict().optional(),
    pending: z.number().int().nonnegative(),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

const DeviceSchema = z.object({ clientId: z.string(), userId: z.string() }).strict();

const KEYS = {
  account: AccountSchema,
  cursor: z.number().int().nonnegative(),
  serverEpoch: z.string(),
  seqBase: SeqBaseSchema,
  /** Set once this device's clientId has pushed: joining as anyone later needs a new clientId. */
  pushed: z.literal(true),
  syncStatus: SyncStatusSchema,
  device: DeviceSchema,
} as const;
type Key = keyof typeof KEYS;

export async function getMeta<K extends Key>(db: ClydeDB, key: K): Promise<z.infer<(typeof KEYS)[K]> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  const parsed = KEYS[key].safeParse(row.value);
  return parsed.success ? (parsed.data as z.infer<(typeof KEYS)[K]>) : undefined;
}

export async function setMeta<K extends Key>(db: ClydeDB, key: K, value: z.infer<(typeof KEYS)[K]>): Promise<void> {
  await db.meta.put({ key, value: KEYS[key].parse(value) });
}

export async function deviceOf(db: ClydeDB): Promise<Device | undefined> {
  return getMeta(db, 'device');
}

/** Every table a sync transaction touches: the views, the sync internals and meta. */
export function syncTables(db: ClydeDB) {
  return [db.people, db.identities, db.notes, db.preferences, db.tasks, db.outbox, db.srv, db.meta, db.rejected];
}

export const VIEW_ENTITIES: readonly Entity[] = ['people', 'identities', 'notes', 'preferences', 'tasks'];
