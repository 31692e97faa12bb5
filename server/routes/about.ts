import { Hono } from 'hono';
import { AboutRequestSchema, PullCountQuerySchema } from '../../src/sync/about-protocol';
import { isRecord, parseWith, readJson } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { checkSchemaVersion } from '../http/schema-version';

/**
 * `POST /v1/sync/about` (the records about the people on a client's screen, first) and
 * `GET /v1/sync/pull/count` (a catch-up's total, for its progress line); store/about.ts.
 */
export function aboutRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post('/about', async (c) => {
      const body = await readJson(c);
      if (isRecord(body)) checkSchemaVersion(body.schemaVersion);
      const req = parseWith(AboutRequestSchema, body);
      return c.json(await deps.store.about(c.get('auth'), req));
    })
    .get('/pull/count', async (c) => {
      const raw = c.req.query();
      if (/^\d{1,9}$/.test(raw.schemaVersion ?? '')) checkSchemaVersion(Number(raw.schemaVersion));
      const query = parseWith(PullCountQuerySchema, raw);
      return c.json({ rows: await deps.store.countPull(c.get('auth'), query) });
    });
}
