import { z } from 'zod';

/**
 * The records Clyde keeps. Every synced record carries the sync envelope (DESIGN.md §6) from
 * day one, so team sync needs no reshaping: who owns it, who may see it (`scope`), one clock
 * per field for last-writer-wins merges, and the server sequence of its last synced change.
 */

export const ScopeSchema = z.union([z.literal('team'), z.templateLiteral(['user:', z.string().min(1)])]);
export type Scope = z.infer<typeof ScopeSchema>;

const EnvelopeSchema = z.object({
  id: z.string().min(1).max(300),
  scope: ScopeSchema,
  ownerId: z.string().min(1).max(100),
  /** Field name → hybrid logical clock stamp of its last write. */
  clocks: z.record(z.string(), z.string()),
  /** Server sequence of the last change this device has seen; 0 while never synced. */
  rowSeq: z.number().int().nonnegative(),
  /** Deletes are a field, so a delete merges like any other edit and can be synced. */
  deleted: z.boolean(),
  updatedAt: z.number(),
});

const text = (max: number) => z.string().max(max);

const PersonSchema = EnvelopeSchema.extend({
  name: text(400).optional(),
  company: text(500).optional(),
  headline: text(500).optional(),
  location: text(500).optional(),
  avatarUrl: text(2048).optional(),
  /** Set on a person merged into another; the merge moved everything it had there. Null once undone. */
  mergedInto: text(300).nullable().optional(),
  /**
   * The company this person works for (companies/), linked by their email domain, a clipped
   * profile's company or by hand. Added in record schema 3. `company` above stays the words a page
   * or the user wrote; this is the link.
   */
  companyId: text(300).nullable().optional(),
});

/**
 * A customer organisation. Its own Remember list and timeline are ordinary preferences and notes
 * whose `personId` is the company's id: those records name their subject, a person or a company,
 * and company ids start with `co-` (isCompanyId) so nothing mistakes one for the other.
 * Record schema 3.
 */
const CompanySchema = EnvelopeSchema.extend({
  name: text(400),
  /** Email domains, canonical and space-separated (synced fields are scalars): "acme.com acme.de". */
  domains: text(2000).optional(),
  linkedinUrl: text(2048).optional(),
  /** Set on a company merged into another, like a person's. Null once undone. */
  mergedInto: text(300).nullable().optional(),
});

const OUTCOMES = ['open', 'won', 'lost'] as const;

/**
 * A pipeline stage. The default pipeline (opportunities/stages.ts) is code; a stage becomes a
 * record when a team edits it (same id), or adds one. Record schema 3.
 */
const StageSchema = EnvelopeSchema.extend({
  name: text(100),
  /** Board order, left to right. */
  order: z.number(),
  outcome: z.enum(OUTCOMES),
  /** An open opportunity with no activity for this many days is at risk; none: never. */
  idleDays: z.number().int().positive().max(3650).nullable().optional(),
});

/** Where a deal stands (DESIGN.md; issue "Companies and opportunities"). Record schema 3. */
const OpportunitySchema = EnvelopeSchema.extend({
  title: text(500),
  companyId: text(300).nullable().optional(),
  /** The people on the deal, space-separated ids (synced fields are scalars). */
  personIds: text(3100).optional(),
  stageId: text(300),
  /** When it entered its stage; idleness counts from the later of this and the last activity. */
  stageAt: z.number(),
  value: z.number().nonnegative().max(1e15).nullable().optional(),
  /** ISO 4217 code. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Expected close day, epoch milliseconds of its local midnight. */
  closeAt: z.number().nullable().optional(),
  /** Why it was won or lost, in the user's words. */
  reason: text(2000).optional(),
});

const IDENTITY_KINDS = ['email', 'x', 'linkedin', 'url'] as const;
const IdentityKindSchema = z.enum(IDENTITY_KINDS);

const IdentitySchema = EnvelopeSchema.extend({
  personId: z.string(),
  kind: IdentityKindSchema,
  /** Canonical form, used for lookups; the id is derived from it. */
  value: text(2048),
  /** As the user or the page wrote it. */
  display: text(2048),
});

/** `quote`: text the user selected on a page and added to the person, with its source link. */
const NOTE_KINDS = ['note', 'email', 'call', 'meeting', 'clip', 'quote'] as const;
export const TAGS = ['want', 'need', 'preference', 'complaint', 'compliment', 'promise', 'life-event'] as const;

export const NoteSchema = EnvelopeSchema.extend({
  personId: z.string(),
  kind: z.enum(NOTE_KINDS),
  tag: z.enum(TAGS).optional(),
  body: text(20_000),
  sourceUrl: text(2048).optional(),
  occurredAt: z.number(),
  /** When a life event happens (trip, exam, birthday), so the panel can bring it up near then. */
  eventAt: z.number().optional(),
  /** The email thread a logged email came from (site + thread id), so logging it again adds to it. */
  threadKey: text(600).optional(),
});

/** A fact worth remembering ("order: grain in two bags"); pinned ones lead the Remember list. */
export const PreferenceSchema = EnvelopeSchema.extend({
  personId: z.string(),
  key: text(200),
  value: text(2000),
  pinned: z.boolean(),
});

export const TaskSchema = EnvelopeSchema.extend({
  personId: z.string(),
  title: text(1000),
  /** Due day as epoch milliseconds (local midnight), if any. */
  due: z.number().nullable().optional(),
  /**
   * A time on the due day, in minutes after its local midnight (900 = 15:00), for a reminder then.
   * Wall-clock minutes rather than a moment, like `due` is a day rather than a moment: 15:00 stays
   * 15:00 when the task moves to another day or across a daylight-saving change. Added in record
   * schema 2 (sync/protocol.ts); a build that does not know it leaves it alone.
   */
  dueTime: z.number().int().min(0).max(1439).nullable().optional(),
  done: z.boolean(),
  assignee: text(100).optional(),
  /** The opportunity this task is the next step of, if any. Added in record schema 3. */
  opportunityId: text(300).nullable().optional(),
});

export type Person = z.infer<typeof PersonSchema>;
export type IdentityKind = z.infer<typeof IdentityKindSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type Tag = (typeof TAGS)[number];
export type Note = z.infer<typeof NoteSchema>;
export type Preference = z.infer<typeof PreferenceSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Stage = z.infer<typeof StageSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type Opportunity = z.infer<typeof OpportunitySchema>;

export const ENTITY_SCHEMAS = {
  people: PersonSchema,
  identities: IdentitySchema,
  notes: NoteSchema,
  preferences: PreferenceSchema,
  tasks: TaskSchema,
  companies: CompanySchema,
  stages: StageSchema,
  opportunities: OpportunitySchema,
} as const;
export type Entity = keyof typeof ENTITY_SCHEMAS;
export type RecordOf<E extends Entity> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

/** One local edit waiting to reach the team server: the fields it set and the clock it set them at. */
export interface OutboxOp {
  clientSeq?: number;
  entity: Entity;
  id: string;
  set: Record<string, unknown>;
  hlc: string;
  state: 'pending' | 'sent';
}
