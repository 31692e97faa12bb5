import { isIP } from 'node:net';
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

/**
 * How a request's client address is found, for the per-IP limits. With no proxy trusted it is
 * the socket's address, and `X-Forwarded-For` is ignored: without a proxy that header is the
 * client's own word. Behind `trustedProxies` reverse proxies (Caddy, nginx) it is the entry that
 * many hops from the right of `X-Forwarded-For`, the address the outermost trusted proxy saw;
 * entries further left were written by the client and are never believed.
 */
export function clientIpOf(trustedProxies: number): (c: Context) => string {
  return (c) => {
    const env = c.env as Partial<HttpBindings> | undefined;
    const socket = env?.incoming?.socket.remoteAddress ?? 'unknown';
    if (trustedProxies === 0) return socket;
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    // A shorter chain than the proxies trusted: the request skipped a proxy, so its leftmost hop is the client.
    const client = chain[Math.max(0, chain.length - trustedProxies)];
    return client && isIP(client) ? client : socket;
  };
}
