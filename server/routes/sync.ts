import { Hono } from 'hono';
import { PullQuerySchema, PushRequestSchema } from '../../src/sync/protocol';
import { badRequest, isRecord, parseWith, readJson } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { checkSchemaVersion } from '../http/schema-version';

/** `POST /v1/sync/push` and `GET /v1/sync/pull` (research/sync.md §4.5). */
export function syncRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post('/push', async (c) => {
      const body = await readJson(c);
      // The version is checked before the shape: an old client's body may not parse any more.
      if (isRecord(body)) checkSchemaVersion(body.schemaVersion);
      const req = parseWith(PushRequestSchema, body);
      req.ops.forEach((op, i) => {
        const prev = req.ops[i - 1];
        if (prev && op.clientSeq !== prev.clientSeq + 1) {
          throw badRequest([{ path: ['ops', i, 'clientSeq'], message: 'ops must be contiguous by clientSeq' }]);
        }
      });
      const { response, seq, advanced } = await deps.store.push(c.get('auth'), req, deps.clock, deps.storage.teamQuotaBytes);
      // Poke only after COMMIT, so a listener that pulls at once sees the change.
      if (advanced) deps.hub.publish(c.get('auth').teamId, seq);
      return c.json(response);
    })
    .get('/pull', async (c) => {
      const raw = c.req.query();
      if (/^\d{1,9}$/.test(raw.schemaVersion ?? '')) checkSchemaVersion(Number(raw.schemaVersion));
      const query = parseWith(PullQuerySchema, raw);
      return c.json(await deps.store.pull(c.get('auth'), query, deps.clock));
    });
}
