import { z } from 'zod';
import { ClientIdSchema, RowStateSchema } from './protocol';

/**
 * Wire schemas of the catch-up helpers a client uses while it joins a big team (issue 15 §8),
 * beside the pull it speeds up (protocol.ts). Both are separate routes, so a server without them
 * answers 404 and the client simply catches up in seq order without them.
 */

/** At most this many identities in one request: a page names at most 50 people (parsers/schema.ts). */
export const MAX_ABOUT_IDENTITIES = 100;
/** A person with more records than this gets the newest ones first; the full pull brings the rest. */
export const MAX_ABOUT_ROWS = 2000;

/**
 * `POST /v1/sync/about`: the records about the people with these identities, as the full pull
 * would send them now. A POST, so addresses never sit in a URL (and in a proxy's access log).
 */
export const AboutRequestSchema = z
  .object({
    clientId: ClientIdSchema,
    schemaVersion: z.number().int().positive(),
    /** Canonical `kind:value` forms (src/storage/records/canonical.ts), as identities store them. */
    identities: z.array(z.string().min(3).max(2100)).min(1).max(MAX_ABOUT_IDENTITIES),
  })
  .strict();
export type AboutRequest = z.infer<typeof AboutRequestSchema>;

export const AboutResponseSchema = z
  .object({
    /** The people found and every record about them this user may see (deleted ones too). */
    rows: z.array(RowStateSchema),
    /** More records than MAX_ABOUT_ROWS: the oldest were left for the full pull. */
    truncated: z.boolean(),
  })
  .strict();
export type AboutResponse = z.infer<typeof AboutResponseSchema>;

/** `GET /v1/sync/pull/count`: how many records a pull of (cursor, upTo] sends, for a progress line. */
export const PullCountQuerySchema = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
    upTo: z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
    schemaVersion: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  })
  .strict();
export type PullCountQuery = z.infer<typeof PullCountQuerySchema>;

export const PullCountResponseSchema = z.object({ rows: z.number().int().nonnegative() }).strict();
