import { z } from 'zod';
import { ENTITY_SCHEMAS, type Entity, type RecordOf } from '../schema';
import { RowStateSchema } from '../../sync/protocol';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../contacts/export-all';
import { t } from '../../i18n';

/** A file read as a Clyde export: every record valid, every clock a real clock stamp. */
export interface RestoreFile {
  exportedAt: string;
  /** Who made the export: as the file says, or for an older file, whose private records it holds. */
  userId?: string;
  records: { [E in Entity]: RecordOf<E>[] };
  /** The exporter's own unsent edits: which stamps on a record were this user's words. */
  pending: { entity: Entity; id: string; hlc: string }[];
  rejected: z.infer<typeof RejectedSchema>[];
  personal: z.infer<typeof PersonalSchema>[];
}

/** A file that is not a Clyde export Clyde can read; the message says what is wrong, in plain words. */
export class RestoreFileError extends Error {
  override name = 'RestoreFileError';
}

/** As large as a browser reads into one string comfortably; a 100k-record team is ~60 MB. */
export const MAX_RESTORE_BYTES = 200 * 1024 * 1024;

const ENTITIES = Object.keys(ENTITY_SCHEMAS) as Entity[];
const RecordIdSchema = RowStateSchema.shape.id;
// Restored records' fields may be pushed again as ops, which the server only takes with real stamps.
const ClocksSchema = RowStateSchema.shape.clocks;

const HeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  userId: z.string().min(1).max(100).optional(),
});

const OpSchema = z.object({ entity: z.enum(ENTITIES as [Entity, ...Entity[]]), id: RecordIdSchema, hlc: z.string() });
const RejectedSchema = OpSchema.extend({
  set: z.record(z.string(), z.unknown()),
  state: z.enum(['pending', 'sent']),
  code: z.string(),
  message: z.string(),
  at: z.number(),
});
const PersonalSchema = z.object({
  personId: RecordIdSchema,
  rhythmDays: z.number().int().nonnegative().optional(),
  starred: z.boolean().optional(),
  openedAt: z.number().optional(),
});

/**
 * Reads an export file (exportAll's output as JSON) without writing anything. Throws a
 * RestoreFileError naming the first thing wrong: not JSON, not a Clyde export, a version this
 * build does not know, or the list, position and field of a record that fails its schema.
 */
export function readRestoreFile(text: string): RestoreFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RestoreFileError(t('errors.thisFileIsNotA'));
  }
  const header = HeaderSchema.safeParse(json);
  if (!header.success) {
    const data = json as Record<string, unknown> | null;
    if (data?.format === EXPORT_FORMAT && data.version !== EXPORT_VERSION)
      throw new RestoreFileError(t('restoreErrors.version', { version: String(data.version), reads: String(EXPORT_VERSION) }));
    throw new RestoreFileError(t('restoreErrors.noMark'));
  }
  const data = json as Record<string, unknown>;
  const records = {} as RestoreFile['records'];
  for (const entity of ENTITIES) records[entity] = listOf(data, entity, recordSchema(entity)) as never;
  const userId = header.data.userId ?? exporterOf(records);
  return {
    exportedAt: header.data.exportedAt,
    ...(userId ? { userId } : {}),
    records,
    pending: listOf(data, 'pending', OpSchema.loose()),
    rejected: listOf(data, 'rejected', RejectedSchema.loose()).map(({ entity, id, set, hlc, state, code, message, at }) => ({
      entity,
      id,
      set,
      hlc,
      state,
      code,
      message,
      at,
    })),
    personal: listOf(data, 'personal', PersonalSchema),
  };
}

/**
 * Exports made before they named their user still say who made them: private records reach only
 * their owner (the team server never sends anyone else's), so the owner of the private records
 * in a file is the person who exported it.
 */
function exporterOf(records: RestoreFile['records']): string | undefined {
  const owners = new Map<string, number>();
  for (const list of Object.values(records) as { ownerId: string; scope: string }[][]) {
    for (const r of list) if (r.scope === `user:${r.ownerId}`) owners.set(r.ownerId, (owners.get(r.ownerId) ?? 0) + 1);
  }
  return [...owners].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function recordSchema(entity: Entity): z.ZodType<unknown> {
  return ENTITY_SCHEMAS[entity].extend({ id: RecordIdSchema, clocks: ClocksSchema });
}

/** A missing list is an empty one (an export from a build without that kind of record). */
function listOf<T>(data: Record<string, unknown>, key: string, schema: z.ZodType<T>): T[] {
  const list = data[key] ?? [];
  if (!Array.isArray(list)) throw new RestoreFileError(t('restoreErrors.notAList', { key }));
  return list.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const why = issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
    throw new RestoreFileError(t('restoreErrors.invalidEntry', { key, n: String(i + 1), why }));
  });
}
