import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ApiError, isDiskFull, storageFull } from './errors';
import { requireAuth } from './http/auth';
import type { AppEnv, Deps } from './http/env';
import { clientIpOf, RateLimiter, type BucketSpec } from './http/rate-limit';
import { schemaHeader } from './http/schema-version';
import { aboutRoutes } from './routes/about';
import { accountRoutes } from './routes/account';
import { teamRoutes } from './routes/team';
import { eventRoutes } from './routes/events';
import { syncRoutes } from './routes/sync';
import { writerRoutes } from './routes/writers';
import type { SyncStore } from './store/types';
import { DEFAULT_STORAGE_LIMITS, type StorageLimits } from './store/storage-limits';
import { PokeHub } from './sync/poke-hub';
import { ServerClock } from './sync/server-clock';

const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_DEVICE_IDLE_MS = 90 * 24 * 3_600_000;

/** Defaults sized so a 100k-record bootstrap (about 100 pulls) fits in one burst. */
const DEFAULT_LIMITS: Record<keyof Deps['limits'], BucketSpec> = {
  join: { capacity: 10, perSecond: 10 / 60 },
  authFailures: { capacity: 20, perSecond: 20 / 60 },
  perDevice: { capacity: 300, perSecond: 10 },
};

export interface AppOptions {
  store: SyncStore;
  clock?: ServerClock;
  hub?: PokeHub;
  /** Per-limiter specs; `false` turns rate limiting off (benchmarks). */
  limits?: Partial<Record<keyof Deps['limits'], BucketSpec>> | false;
  keepAliveMs?: number;
  /** Devices unused for longer are refused (`--device-idle-days`); default 90 days. */
  deviceIdleMs?: number;
  /**
   * Reverse proxies in front of the server whose `X-Forwarded-For` entries are believed (0, the
   * default: none, the socket's address counts). Set it only when every request passes through them.
   */
  trustedProxies?: number;
  /** Per-team quota and op log retention; defaults in store/storage-limits.ts. */
  storage?: Partial<StorageLimits>;
}

/** Browser extensions call from their own origin; web pages never have one of these. */
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/**
 * The team sync server as a Hono app (research/sync.md §4.5, §5). Tests and the simulator drive
 * it in process with `app.request()`; server/main.ts serves it over HTTP.
 */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const clock = opts.clock ?? new ServerClock();
  const specs: AppOptions['limits'] = opts.limits === false ? {} : { ...DEFAULT_LIMITS, ...opts.limits };
  const limiter = (spec: BucketSpec | undefined) => (spec ? new RateLimiter(spec, clock.now) : undefined);
  const deps: Deps = {
    store: opts.store,
    clock,
    hub: opts.hub ?? new PokeHub(),
    limits: { join: limiter(specs?.join), authFailures: limiter(specs?.authFailures), perDevice: limiter(specs?.perDevice) },
    clientIp: clientIpOf(opts.trustedProxies ?? 0),
    keepAliveMs: opts.keepAliveMs ?? 25_000,
    deviceIdleMs: opts.deviceIdleMs ?? DEFAULT_DEVICE_IDLE_MS,
    storage: { ...DEFAULT_STORAGE_LIMITS, ...opts.storage },
  };

  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    await next();
    // API answers hold CRM data: never cache them (security.md req. 25).
    c.header('Cache-Control', 'no-store');
    c.header('Strict-Transport-Security', 'max-age=31536000');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use(
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Clyde-Schema-Version'],
      maxAge: 600,
    }),
  );
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ code: 'TOO_LARGE', message: 'The body is larger than 1 MB.' }, 413),
    }),
  );
  app.use(schemaHeader);

  app.get('/join', (c) => c.text('Open Clyde, go to Settings → Team, and paste the whole invite link there.'));
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', teamRoutes(deps));
  app.use('/v1/sync/*', requireAuth(deps));
  app.route('/v1/sync', syncRoutes(deps));
  app.route('/v1/sync', eventRoutes(deps));
  app.route('/v1/sync', writerRoutes(deps));
  app.route('/v1/sync', aboutRoutes(deps));

  app.notFound((c) => c.json({ code: 'NOT_FOUND', message: 'No such route.' }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(err.body(), err.status);
    }
    // Log for the operator, with the database's own error; the client gets no stack, SQL or message.
    if (isDiskFull(err)) {
      console.error('The database is out of disk space; the request was refused with 507 and nothing was written:', err);
      const full = storageFull();
      return c.json(full.body(), full.status);
    }
    console.error('Unhandled error:', err);
    return c.json({ code: 'INTERNAL', message: 'Internal server error.' }, 500);
  });
  return app;
}
