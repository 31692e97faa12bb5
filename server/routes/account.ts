import { Hono } from 'hono';
import { z } from 'zod';
import {
  CreateInviteRequestSchema,
  JoinRequestSchema,
  RevokeDeviceRequestSchema,
  type JoinResponse,
  type MeResponse,
} from '../../src/sync/account-protocol';
import { ApiError, notFound } from '../errors';
import { requireAuth } from '../http/auth';
import { parseWith, readJson } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { limitBy } from '../http/rate-limit';
import { hashSecret, newSecret } from '../http/secrets';
import { issueInvite } from '../invites';
import { isIdle } from '../store/devices';

const EmptySchema = z.object({}).strict();

/** A device link (second device for the same member) is short-lived and single-use. */
const DEVICE_LINK_TTL_MS = 15 * 60_000;

/**
 * Joining and devices. `POST /v1/join` is the only route without a token: it trades an invite
 * code for a bearer token, which is returned once and stored only hashed.
 */
export function accountRoutes(deps: Deps) {
  const auth = requireAuth(deps);
  return new Hono<AppEnv>()
    .post('/join', limitBy(deps.limits.join, deps.clientIp), async (c) => {
      const req = parseWith(JoinRequestSchema, await readJson(c));
      const token = newSecret('tok');
      const joined = await deps.store.redeemInvite({
        codeHash: hashSecret(req.code),
        tokenHash: hashSecret(token),
        deviceName: req.deviceName,
        userName: req.userName ?? req.deviceName,
        now: deps.clock.now(),
      });
      // Unknown, expired and used-up codes look the same, so codes cannot be probed.
      if (!joined) throw new ApiError(404, 'INVITE_INVALID', 'This invite is unknown, expired or used up.');
      return c.json({ token, teamId: joined.teamId, userId: joined.userId, deviceId: joined.deviceId } satisfies JoinResponse);
    })
    .post('/invites', auth, async (c) => {
      const me = c.get('auth');
      if (me.role !== 'admin') throw new ApiError(403, 'FORBIDDEN', 'Only team admins can invite members.');
      const req = parseWith(CreateInviteRequestSchema, await readJson(c));
      const now = deps.clock.now();
      return c.json(
        await issueInvite(deps.store, deps.clock.now(), {
          teamId: me.teamId,
          role: req.role,
          userId: null,
          createdBy: me.userId,
          createdByDevice: me.deviceId,
          maxUses: req.maxUses,
          expiresAt: now + req.ttlHours * 3_600_000,
        }),
      );
    })
    .post('/devices/link', auth, async (c) => {
      // The body is an empty object: the link is always for the caller, whatever it names.
      parseWith(EmptySchema, await readJson(c));
      const me = c.get('auth');
      return c.json(
        await issueInvite(deps.store, deps.clock.now(), {
          teamId: me.teamId,
          role: me.role,
          userId: me.userId,
          createdBy: me.userId,
          createdByDevice: me.deviceId,
          maxUses: 1,
          expiresAt: deps.clock.now() + DEVICE_LINK_TTL_MS,
        }),
      );
    })
    .post('/devices/revoke', auth, async (c) => {
      const req = parseWith(RevokeDeviceRequestSchema, await readJson(c));
      const me = c.get('auth');
      // Members revoke their own devices; admins any device of the team.
      const scope = me.role === 'admin' ? { teamId: me.teamId } : { teamId: me.teamId, userId: me.userId };
      if (!(await deps.store.revokeDevice(scope, req.deviceId, deps.clock.now()))) throw notFound('No such device.');
      return c.json({ revoked: req.deviceId });
    })
    .get('/me', auth, async (c) => {
      const me = c.get('auth');
      const now = deps.clock.now();
      const info = await deps.store.me(me);
      return c.json({
        userId: me.userId,
        userName: info.userName,
        role: me.role,
        teamId: me.teamId,
        teamName: info.teamName,
        deviceId: me.deviceId,
        // An idle-expired device is refused already; listing it would offer to sign out a ghost.
        devices: info.devices
          .filter((d) => d.id === me.deviceId || !isIdle(d, now, deps.deviceIdleMs))
          .map((d) => ({ ...d, current: d.id === me.deviceId })),
      } satisfies MeResponse);
    });
}
