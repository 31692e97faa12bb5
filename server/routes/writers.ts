import { Hono } from 'hono';
import { WritersRequestSchema, type WritersResponseSchema } from '../../src/sync/writers-protocol';
import { parseWith, readJson } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import type { z } from 'zod';

/** `POST /v1/sync/writers`: names the teammates behind clock nodes, for the lost-edit notice. */
export function writerRoutes(deps: Deps) {
  return new Hono<AppEnv>().post('/writers', async (c) => {
    const req = parseWith(WritersRequestSchema, await readJson(c));
    const writers = await deps.store.writers(c.get('auth'), req.clientIds);
    return c.json({ writers } satisfies z.infer<typeof WritersResponseSchema>);
  });
}
