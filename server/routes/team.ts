import { Hono } from 'hono';
import { z } from 'zod';
import {
  MemberRequestSchema,
  type InviteResponse,
  type RotateTokenResponseSchema,
  type TeamResponse,
} from '../../src/sync/account-protocol';
import { ApiError, notFound } from '../errors';
import { requireAuth } from '../http/auth';
import { parseWith, readJson } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { hashSecret, newSecret } from '../http/secrets';
import { newReturnLink } from '../invites';
import type { AuthContext } from '../store/types';

const EmptySchema = z.object({}).strict();

function requireAdmin(me: AuthContext, what: string) {
  if (me.role !== 'admin') throw new ApiError(403, 'FORBIDDEN', `Only team admins can ${what}.`);
}

/**
 * The team's members and devices for admins, disabling and re-enabling a member, and token rotation
 * (issue #15 point 1). Revoking one device is `POST /v1/devices/revoke` (routes/account.ts).
 */
export function teamRoutes(deps: Deps) {
  const auth = requireAuth(deps);
  return new Hono<AppEnv>()
    .get('/team', auth, async (c) => {
      const me = c.get('auth');
      requireAdmin(me, 'list the team’s members and devices');
      return c.json((await deps.store.listTeam(me.teamId, deps.clock.now(), deps.deviceIdleMs)) satisfies TeamResponse);
    })
    .post('/members/disable', auth, async (c) => {
      const me = c.get('auth');
      requireAdmin(me, 'disable members');
      const req = parseWith(MemberRequestSchema, await readJson(c));
      // Disabling yourself would leave this browser locked out mid-click; another admin (or the
      // server command) can do it.
      if (req.userId === me.userId) throw new ApiError(409, 'SELF', 'You cannot disable yourself; ask another admin.');
      if (!(await deps.store.disableMember(me.teamId, req.userId, deps.clock.now()))) {
        throw notFound('No such member, or already disabled.');
      }
      return c.json({ disabled: req.userId });
    })
    .post('/members/enable', auth, async (c) => {
      const me = c.get('auth');
      requireAdmin(me, 're-enable members');
      const req = parseWith(MemberRequestSchema, await readJson(c));
      const now = deps.clock.now();
      const { code, link } = newReturnLink(now, me.userId, me.deviceId);
      if (!(await deps.store.enableMember(me.teamId, req.userId, link, now))) {
        throw notFound('No such member, or not disabled.');
      }
      return c.json({ code, expiresAt: link.expiresAt } satisfies InviteResponse);
    })
    .post('/account/token', auth, async (c) => {
      parseWith(EmptySchema, await readJson(c));
      const token = newSecret('tok');
      await deps.store.rotateToken(c.get('auth'), hashSecret(token));
      return c.json({ token } satisfies z.infer<typeof RotateTokenResponseSchema>);
    });
}
