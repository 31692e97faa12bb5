import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './queries';
import type { AuthContext, MeInfo, NewInvite, Redemption } from './types';

/** Teams, members, invites and device tokens. Tokens and invite codes arrive already hashed. */

export async function createTeam(db: Db, name: string, now: number) {
  const team = { id: randomUUID(), name, seq: 0, epoch: randomBytes(12).toString('base64url'), created_at: now };
  await db.insertInto('teams').values(team).execute();
  return { id: team.id, epoch: team.epoch };
}

export async function createInvite(db: Db, i: NewInvite): Promise<void> {
  await db
    .insertInto('invites')
    .values({
      code_hash: i.codeHash,
      team_id: i.teamId,
      role: i.role,
      user_id: i.userId,
      created_by: i.createdBy,
      created_by_device: i.createdByDevice,
      max_uses: i.maxUses,
      uses: 0,
      expires_at: i.expiresAt,
      created_at: i.now,
    })
    .execute();
}

/** Runs inside a write transaction: the conditional increment makes each use count exactly once. */
export async function redeemInvite(tx: Db, r: Redemption): Promise<AuthContext | undefined> {
  const invite = await tx
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code_hash', '=', r.codeHash)
    .where('expires_at', '>', r.now)
    .where('revoked_at', 'is', null)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .returning(['team_id', 'role', 'user_id', 'created_by_device'])
    .executeTakeFirst();
  if (!invite) return undefined;
  let userId = invite.user_id;
  let role = invite.role;
  if (userId) {
    const user = await tx.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
    if (!user || user.disabled_at !== null) return undefined;
    role = user.role;
  } else {
    userId = randomUUID();
    await tx
      .insertInto('users')
      .values({ id: userId, team_id: invite.team_id, name: r.userName, role, created_at: r.now, disabled_at: null })
      .execute();
  }
  const deviceId = randomUUID();
  await tx
    .insertInto('devices')
    .values({
      id: deviceId,
      team_id: invite.team_id,
      user_id: userId,
      name: r.deviceName,
      token_hash: r.tokenHash,
      created_at: r.now,
      last_seen_at: null,
      revoked_at: null,
      minted_by: invite.created_by_device,
      next_token_hash: null,
      prev_token_hash: null,
      token_rotated_at: null,
    })
    .execute();
  return { teamId: invite.team_id, userId, deviceId, role };
}

export async function touchDevice(db: Db, deviceId: string, now: number): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', deviceId).execute();
}

export async function me(db: Db, auth: AuthContext): Promise<MeInfo> {
  const user = await db
    .selectFrom('users as u')
    .innerJoin('teams as t', 't.id', 'u.team_id')
    .select(['u.name as userName', 't.name as teamName'])
    .where('u.id', '=', auth.userId)
    .where('u.team_id', '=', auth.teamId)
    .executeTakeFirstOrThrow();
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'name', 'created_at', 'last_seen_at', 'minted_by'])
    .where('user_id', '=', auth.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return {
    ...user,
    devices: devices.map((d) => ({
      id: d.id,
      name: d.name,
      createdAt: Number(d.created_at),
      lastSeenAt: d.last_seen_at === null ? null : Number(d.last_seen_at),
      linkedBy: d.minted_by,
    })),
  };
}
