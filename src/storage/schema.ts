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
});

export type Person = z.infer<typeof PersonSchema>;
export type IdentityKind = z.infer<typeof IdentityKindSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type Tag = (typeof TAGS)[number];
export type Note = z.infer<typeof NoteSchema>;
export type Preference = z.infer<typeof PreferenceSchema>;
export type Task = z.infer<typeof TaskSchema>;

export const ENTITY_SCHEMAS = {
  people: PersonSchema,
  identities: IdentitySchema,
  notes: NoteSchema,
  preferences: PreferenceSchema,
  tasks: TaskSchema,
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
