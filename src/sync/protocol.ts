import { z } from 'zod';
import { ENTITY_SCHEMAS, ScopeSchema, type Entity } from '../storage/schema';

export type { Entity };

/**
 * The sync wire protocol (research/sync.md §4.5), shared by the extension and the server. Both
 * sides parse every body with these schemas. No Node-only imports: the extension bundles this.
 */

/** Bumped only for incompatible changes to the shape of requests and responses. */
export const PROTOCOL_VERSION = 1;
/**
 * Version of the record schemas in src/storage/schema.ts that this build writes. 2: a task may
 * carry `dueTime`. A server on 1 would refuse such an op as invalid, for good (its schemas are
 * strict), so a client on 2 must not push to it: it answers 409 and the client keeps its outbox
 * until the server is updated. Servers on 2 still take clients on 1, which never set the field.
 * 3: companies, stages and opportunities, a person's `companyId` and a task's `opportunityId`.
 */
export const SCHEMA_VERSION = 3;
/**
 * Oldest client schema the server still accepts; older clients get 426 and keep their outbox.
 * 3 since schema 3: a client on 2 would refuse a pull carrying a company (an entity it does not
 * know), so it must update before it syncs again; nothing it holds is lost meanwhile.
 */
export const MIN_SCHEMA_VERSION = 3;
export const MAX_OPS_PER_PUSH = 500;
const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 1000;
/**
 * The page a client asks for. Each page is one transaction with its own reads, commit and live
 * queries told, so fewer, bigger pages cost a catch-up less; one page's transaction still holds
 * the panel's reads and writes for only about a third of a second.
 */
export const CLIENT_PULL_LIMIT = 2500;

export const ENTITIES = Object.keys(ENTITY_SCHEMAS) as [Entity, ...Entity[]];
export const EntitySchema = z.enum(ENTITIES);

/** `${wall base36 ×9}.${counter base36 ×4}.${node}` as src/sync/hlc.ts formats it. */
const HlcSchema = z.string().regex(/^[0-9a-z]{9}\.[0-9a-z]{4}\.[A-Za-z0-9_-]{1,64}$/);
/** A browser profile's id; also the node id of its clock stamps. */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** No control characters: ids end up in SQL text columns, and PostgreSQL refuses NUL. */
const RecordIdSchema = z
  .string()
  .min(1)
  .max(300)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/);
const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Every synced field is a scalar, so op values never nest (and deep JSON never reaches a parser). */
const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

/** One local edit: the fields it set and the clock stamp it set them at. */
export const OpSchema = z
  .object({
    clientSeq: Seq.min(1),
    entity: EntitySchema,
    id: RecordIdSchema,
    set: z.record(z.string().max(64), FieldValueSchema).refine((s) => Object.keys(s).length <= 64, 'Too many fields'),
    hlc: HlcSchema,
  })
  .strict();
export type Op = z.infer<typeof OpSchema>;

export const PushRequestSchema = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION),
    clientId: ClientIdSchema,
    schemaVersion: z.number().int().positive(),
    ops: z.array(OpSchema).max(MAX_OPS_PER_PUSH),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

const RejectionSchema = z.object({ clientSeq: Seq, code: z.string(), message: z.string() }).strict();

export const PushResponseSchema = z
  .object({
    /** Every op up to here is on the server (applied, superseded or rejected). */
    ackedThrough: Seq,
    rejected: z.array(RejectionSchema),
    /** Ops whose stamp was too far in the future and were re-stamped by the server clock. */
    rewritten: z.array(z.object({ clientSeq: Seq, hlc: HlcSchema }).strict()),
    serverHlc: HlcSchema,
    serverEpoch: z.string(),
  })
  .strict();
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** The server's authoritative state of one record. `values` holds every field except scope/owner. */
export const RowStateSchema = z
  .object({
    entity: EntitySchema,
    id: RecordIdSchema,
    scope: ScopeSchema,
    ownerId: z.string().min(1).max(100),
    values: z.record(z.string(), FieldValueSchema),
    clocks: z.record(z.string(), HlcSchema),
    rowSeq: Seq,
  })
  .strict();
export type RowState = z.infer<typeof RowStateSchema>;

const numberParam = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/** Query string of `GET /v1/sync/pull`; `upTo` comes back from the first page to pin the range. */
export const PullQuerySchema = z
  .object({
    cursor: numberParam,
    limit: numberParam.pipe(z.number().int().min(1).max(MAX_PULL_LIMIT)).optional(),
    clientId: ClientIdSchema,
    schemaVersion: numberParam,
    upTo: numberParam.optional(),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const PullResponseSchema = z
  .object({
    /** Changes when the server lost history (restore from backup): the client must reset. */
    serverEpoch: z.string(),
    upTo: Seq,
    /** Next cursor; equal to `upTo` once `hasMore` is false. */
    cursor: Seq,
    hasMore: z.boolean(),
    rows: z.array(RowStateSchema),
    /** Records this user may no longer see: drop them locally. */
    evictions: z.array(z.object({ entity: EntitySchema, id: RecordIdSchema }).strict()),
    /** This client's ops up to here are reflected in the rows through `cursor`. */
    lastClientSeq: Seq,
    serverHlc: HlcSchema,
    minSchemaVersion: z.number().int().positive(),
  })
  .strict();
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** A live poke from `GET /v1/sync/events`: the team's sequence moved; pull to catch up. */
export const PokeSchema = z.object({ seq: Seq }).strict();

export const ErrorBodySchema = z.object({ code: z.string(), message: z.string(), expectedClientSeq: Seq.optional() }).strict();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Fields an op may set per entity: the record minus what only the device or server keeps. */
const LOCAL_ONLY = { id: true, clocks: true, rowSeq: true, updatedAt: true } as const;

export const SET_SCHEMAS = {
  people: ENTITY_SCHEMAS.people.omit(LOCAL_ONLY).partial().strict(),
  identities: ENTITY_SCHEMAS.identities.omit(LOCAL_ONLY).partial().strict(),
  notes: ENTITY_SCHEMAS.notes.omit(LOCAL_ONLY).partial().strict(),
  preferences: ENTITY_SCHEMAS.preferences.omit(LOCAL_ONLY).partial().strict(),
  tasks: ENTITY_SCHEMAS.tasks.omit(LOCAL_ONLY).partial().strict(),
  companies: ENTITY_SCHEMAS.companies.omit(LOCAL_ONLY).partial().strict(),
  stages: ENTITY_SCHEMAS.stages.omit(LOCAL_ONLY).partial().strict(),
  opportunities: ENTITY_SCHEMAS.opportunities.omit(LOCAL_ONLY).partial().strict(),
} satisfies Record<Entity, z.ZodType>;
