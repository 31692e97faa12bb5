import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../errors';
import type { AppEnv, Deps } from './env';
import { hashSecret } from './secrets';
import { tooMany } from './rate-limit';

const BEARER = /^Bearer (tok_[A-Za-z0-9_-]{43})$/;

/**
 * Resolves `Authorization: Bearer <token>` to a device, user and team (security.md req. 21).
 * Unknown, revoked, retired, idle-expired and malformed tokens are all the same 401; repeated failures from one
 * address are throttled before the lookup, so tokens cannot be guessed at speed.
 */
export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = deps.clientIp(c);
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const auth = token ? await deps.store.authenticate(hashSecret(token), deps.clock.now(), deps.deviceIdleMs) : undefined;
    if (!auth) {
      const wait = deps.limits.authFailures?.take(ip) ?? 0;
      throw wait ? tooMany(wait) : unauthorized();
    }
    const wait = deps.limits.perDevice?.take(auth.deviceId) ?? 0;
    if (wait) throw tooMany(wait);
    c.set('auth', auth);
    await next();
  };
}
