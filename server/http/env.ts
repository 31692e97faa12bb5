import type { Context } from 'hono';
import type { SyncStore, AuthContext } from '../store/types';
import type { StorageLimits } from '../store/storage-limits';
import type { ServerClock } from '../sync/server-clock';
import type { PokeHub } from '../sync/poke-hub';
import type { RateLimiter } from './rate-limit';

/** What every route handler can reach: the store, the server clock, the poke hub, the limiters. */
export interface Deps {
  store: SyncStore;
  clock: ServerClock;
  hub: PokeHub;
  limits: {
    /** Joining, per client IP. */
    join?: RateLimiter;
    /** Requests with a missing or bad token, per client IP. */
    authFailures?: RateLimiter;
    /** Authenticated requests, per device. */
    perDevice?: RateLimiter;
  };
  /** The address the per-IP limits count a request against (rate-limit.ts `clientIpOf`). */
  clientIp: (c: Context) => string;
  /** Interval of SSE keep-alives; each one also re-checks the token. */
  keepAliveMs: number;
  /** A device unused for longer than this is refused until it joins again (default 90 days). */
  deviceIdleMs: number;
  /** Per-team quota and op log retention. */
  storage: StorageLimits;
}

export interface AppEnv {
  Variables: { auth: AuthContext };
}
