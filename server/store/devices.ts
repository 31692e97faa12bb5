import type { DeviceStatus, TeamResponse } from '../../src/sync/account-protocol';
import type { Db } from './queries';
import { createInvite } from './accounts';
import type { AuthContext, NewInvite } from './types';

/**
 * Locking out devices (issue #15 point 1): authentication with idle expiry and token rotation,
 * revoking a device with everything it let in, disabling a member, and the admins' list.
 */

/**
 * A retired token seen again this long after its rotation completed means two holders of one
 * token: the device is revoked (security.md req. 21). Sooner, it is a request that was already
 * under way when the device switched, and is only refused.
 */
export const RETIRED_TOKEN_GRACE_MS = 5 * 60_000;

interface Found extends AuthContext {
  lastSeenAt: number | null;
  createdAt: number;
  /** The token was the device's next one: this first use completes a rotation. */
  completesRotation: boolean;
}

const liveDevices = (db: Db) =>
  db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .where('d.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null);

/** The live device holding `tokenHash` as its current or its next token. */
export async function findByToken(db: Db, tokenHash: string): Promise<Found | undefined> {
  const row = await liveDevices(db)
    .select([
      'd.id as deviceId',
      'd.team_id as teamId',
      'd.user_id as userId',
      'u.role as role',
      'd.last_seen_at as lastSeenAt',
      'd.created_at as createdAt',
      'd.next_token_hash as nextTokenHash',
    ])
    .where((eb) => eb.or([eb('d.token_hash', '=', tokenHash), eb('d.next_token_hash', '=', tokenHash)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { nextTokenHash, ...found } = row;
  return {
    ...found,
    lastSeenAt: row.lastSeenAt === null ? null : Number(row.lastSeenAt),
    createdAt: Number(row.createdAt),
    completesRotation: nextTokenHash === tokenHash,
  };
}

/** Idle expiry counts from the last request, or from joining for a device never seen since. */
export function isIdle(d: { lastSeenAt: number | null; createdAt: number }, now: number, idleMs: number): boolean {
  return now - (d.lastSeenAt ?? d.createdAt) > idleMs;
}

/** The next token becomes the only one; the old one is kept only to recognise its reuse. */
export async function completeRotation(tx: Db, deviceId: string, tokenHash: string, now: number): Promise<void> {
  await tx
    .updateTable('devices')
    .set((eb) => ({
      prev_token_hash: eb.ref('token_hash'),
      token_hash: tokenHash,
      next_token_hash: null,
      token_rotated_at: now,
      last_seen_at: now,
    }))
    .where('id', '=', deviceId)
    // Two first uses at once: the second finds nothing left to do.
    .where('next_token_hash', '=', tokenHash)
    .execute();
}

/** Whether `tokenHash` is a live device's retired token, and since when. */
export async function retiredTokenOf(db: Db, tokenHash: string) {
  const row = await liveDevices(db)
    .select(['d.id as deviceId', 'd.team_id as teamId', 'd.token_rotated_at as rotatedAt'])
    .where('d.prev_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { deviceId: row.deviceId, teamId: row.teamId, rotatedAt: Number(row.rotatedAt ?? 0) };
}

/**
 * Stores the hash of a freshly issued token as the device's next one. Issuing again before the
 * last one was used replaces it: that one's answer was lost, and nobody can hold it.
 */
export async function setNextToken(tx: Db, auth: AuthContext, tokenHash: string): Promise<void> {
  await tx.updateTable('devices').set({ next_token_hash: tokenHash }).where('id', '=', auth.deviceId).execute();
}

/**
 * Revokes `deviceIds`, the invites and links they made, and — following those links — the
 * devices that joined with them, to the end of the chain. Only links for the same member are
 * followed: a new member an admin invited from a revoked device keeps their devices (an admin
 * sees who invited them in the list and can disable them). Invites are revoked first: on
 * PostgreSQL that waits for a redemption in flight, whose device the next query then sees.
 */
export async function revokeWithDescendants(tx: Db, teamId: string, deviceIds: string[], now: number): Promise<string[]> {
  const all = new Set(deviceIds);
  let frontier = deviceIds;
  while (frontier.length > 0) {
    await tx
      .updateTable('invites')
      .set({ revoked_at: now })
      .where('team_id', '=', teamId)
      .where('created_by_device', 'in', frontier)
      .where('revoked_at', 'is', null)
      .execute();
    const children = await tx
      .selectFrom('devices as c')
      .innerJoin('devices as p', 'p.id', 'c.minted_by')
      .select('c.id')
      .where('c.team_id', '=', teamId)
      .where('c.minted_by', 'in', frontier)
      .whereRef('c.user_id', '=', 'p.user_id')
      .execute();
    frontier = children.map((c) => c.id).filter((id) => !all.has(id));
    for (const id of frontier) all.add(id);
  }
  const ids = [...all];
  if (ids.length > 0) {
    await tx
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('team_id', '=', teamId)
      .where('id', 'in', ids)
      .where('revoked_at', 'is', null)
      .execute();
  }
  return ids;
}

/** Who may revoke what: `userId` limits it to that member's own devices. */
export interface RevokeScope {
  teamId: string;
  userId?: string;
}

/** False when there is no such live device in scope. */
export async function revokeDevice(tx: Db, scope: RevokeScope, deviceId: string, now: number): Promise<boolean> {
  const target = await tx
    .selectFrom('devices')
    .select('id')
    .where('id', '=', deviceId)
    .where('team_id', '=', scope.teamId)
    .where('revoked_at', 'is', null)
    .$if(scope.userId !== undefined, (q) => q.where('user_id', '=', scope.userId ?? ''))
    .executeTakeFirst();
  if (!target) return false;
  await revokeWithDescendants(tx, scope.teamId, [deviceId], now);
  return true;
}

/**
 * Disables a member: their devices (and what those let in), their unused device links and the
 * unused invites they made stop working in this one transaction. False for no such active member.
 */
export async function disableMember(tx: Db, teamId: string, userId: string, now: number): Promise<boolean> {
  const updated = await tx
    .updateTable('users')
    .set({ disabled_at: now })
    .where('id', '=', userId)
    .where('team_id', '=', teamId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  await tx
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('created_by', '=', userId)]))
    .where('revoked_at', 'is', null)
    .execute();
  const devices = await tx.selectFrom('devices').select('id').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  await revokeWithDescendants(
    tx,
    teamId,
    devices.map((d) => d.id),
    now,
  );
  return true;
}

/** The link that brings a re-enabled member back: who made it and until when it works. */
export type ReturnLink = Pick<NewInvite, 'codeHash' | 'createdBy' | 'createdByDevice' | 'expiresAt'>;

/**
 * Re-enables a disabled member and, in the same transaction, makes one link that adds a device to
 * them. Their old devices stay revoked (one of them may be the stolen one), so the link is how
 * they come back, to their own private records. False for no such disabled member.
 */
export async function enableMember(tx: Db, teamId: string, userId: string, link: ReturnLink, now: number): Promise<boolean> {
  const user = await tx
    .updateTable('users')
    .set({ disabled_at: null })
    .where('id', '=', userId)
    .where('team_id', '=', teamId)
    .where('disabled_at', 'is not', null)
    .returning('role')
    .executeTakeFirst();
  if (!user) return false;
  await createInvite(tx, { ...link, teamId, role: user.role, userId, maxUses: 1, now });
  return true;
}

/** Every member and device of a team, for admins; unused links and invites counted per member. */
export async function listTeam(db: Db, teamId: string, now: number, idleMs: number): Promise<TeamResponse> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'created_at', 'disabled_at'])
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'user_id', 'name', 'created_at', 'last_seen_at', 'revoked_at', 'minted_by'])
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const open = await db
    .selectFrom('invites')
    .select(['user_id', 'created_by'])
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .execute();
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    members: users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      createdAt: Number(u.created_at),
      disabledAt: num(u.disabled_at),
      // A device link counts for the member it adds a device to, an invite for whoever made it.
      openLinks: u.disabled_at === null ? open.filter((i) => (i.user_id ?? i.created_by) === u.id).length : 0,
      devices: devices
        .filter((d) => d.user_id === u.id)
        .map((d) => {
          const lastSeenAt = num(d.last_seen_at);
          const createdAt = Number(d.created_at);
          const status: DeviceStatus =
            d.revoked_at !== null || u.disabled_at !== null
              ? 'revoked'
              : isIdle({ lastSeenAt, createdAt }, now, idleMs)
                ? 'expired'
                : 'active';
          return { id: d.id, name: d.name, createdAt, lastSeenAt, linkedBy: d.minted_by, status, revokedAt: num(d.revoked_at) };
        }),
    })),
  };
}
