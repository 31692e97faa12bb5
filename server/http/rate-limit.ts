import type { Context, MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { ApiError } from '../errors';

/**
 * Small in-memory token buckets (security.md req. 24). Per process: with several server
 * processes each enforces its own share, which is fine for abuse control.
 */
export interface BucketSpec {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Requests regained per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_AT = 10_000;

export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(
    private spec: BucketSpec,
    private now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 if allowed, else the seconds until the next token. */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.spec.capacity, at: now };
    b.tokens = Math.min(this.spec.capacity, b.tokens + ((now - b.at) / 1000) * this.spec.perSecond);
    b.at = now;
    if (this.buckets.size >= SWEEP_AT) this.sweep(now);
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return Math.ceil((1 - b.tokens) / this.spec.perSecond);
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return 0;
  }

  /** Forget full buckets so one-off callers do not grow the map without bound. */
  private sweep(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.spec.perSecond >= this.spec.capacity) this.buckets.delete(key);
    }
  }
}

export function tooMany(retryAfter: number): ApiError {
  return new ApiError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfter} s.`, {}, { 'retry-after': String(retryAfter) });
}

export function limitBy(limiter: RateLimiter | undefined, key: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter?.take(key(c)) ?? 0;
    if (wait) throw tooMany(wait);
    await next();
  };
}

/** The socket's address; proxies are not trusted, so X-Forwarded-For is ignored on purpose. */
export function clientIp(c: Context): string {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
