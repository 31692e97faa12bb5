import { z } from 'zod';
import { ClientIdSchema } from './protocol';

/**
 * `POST /v1/sync/writers`: who wrote with these clock nodes. Every field stamp ends in the
 * clientId of the device that wrote it (sync/hlc.ts), so this is how a client names the teammate
 * whose edit replaced one of its own (issue #15, point 4). Only clients of the caller's team are
 * answered; unknown ids are left out, exactly as ids of another team are.
 */

export const MAX_WRITERS_PER_REQUEST = 100;

export const WritersRequestSchema = z.object({ clientIds: z.array(ClientIdSchema).min(1).max(MAX_WRITERS_PER_REQUEST) }).strict();

export const WritersResponseSchema = z
  .object({ writers: z.array(z.object({ clientId: z.string(), userId: z.string(), name: z.string() }).strict()) })
  .strict();
export type Writer = z.infer<typeof WritersResponseSchema>['writers'][number];
