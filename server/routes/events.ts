import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ClientIdSchema } from '../../src/sync/protocol';
import { parseWith } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { checkSchemaVersion } from '../http/schema-version';

const EventsQuerySchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
    clientId: ClientIdSchema.optional(),
  })
  .strict();

/**
 * `GET /v1/sync/events`: server-sent `poke` events carrying `{seq}` after each commit to the
 * team, starting with the current seq. Pokes carry no data, so a missed one only delays a pull.
 * The token goes in the Authorization header (fetch streaming), never in the URL.
 */
export function eventRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/events', async (c) => {
    const query = parseWith(EventsQuerySchema, c.req.query());
    checkSchemaVersion(query.schemaVersion);
    const auth = c.get('auth');
    const startSeq = await deps.store.teamSeq(auth.teamId);
    return streamSSE(c, async (stream) => {
      let finish = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const send = (seq: number) => stream.writeSSE({ event: 'poke', data: JSON.stringify({ seq }) }).catch(finish);
      const unsubscribe = deps.hub.subscribe(auth.teamId, (seq) => void send(seq), finish);
      stream.onAbort(finish);
      // Keep-alives hold proxies open; each also ends the stream if the device was revoked.
      const timer = setInterval(() => {
        void deps.store
          .deviceActive(auth.deviceId)
          .then(async (live) => {
            if (live) await stream.write(': keep-alive\n\n');
            else finish();
          })
          .catch(finish);
      }, deps.keepAliveMs);
      await send(startSeq);
      await finished;
      clearInterval(timer);
      unsubscribe();
    });
  });
}
