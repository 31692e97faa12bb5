import type { TeamDevice, TeamResponse } from '../src/sync/account-protocol';
import { inviteLink, newReturnLink } from './invites';
import type { SyncStore } from './store/types';

/**
 * The operator's commands for devices and members (`npm run server -- --list-devices`,
 * `--revoke-device <id>`, `--disable-member <id>`, `--enable-member <id>`), for when no admin can
 * sign in — the admin's own laptop was the one stolen. They act on the database directly, on
 * either store.
 */
export type AdminCommand =
  | { kind: 'list-devices' }
  | { kind: 'revoke-device'; deviceId: string }
  | { kind: 'disable-member'; userId: string }
  | { kind: 'enable-member'; userId: string };

/** A command that cannot be carried out, with what to tell the operator. */
export class AdminCommandError extends Error {}

export async function runAdminCommand(
  store: SyncStore,
  cmd: AdminCommand,
  now: number,
  idleMs: number,
  publicUrl: string,
): Promise<string> {
  const teams = await store.listTeamIds();
  switch (cmd.kind) {
    case 'list-devices': {
      const lists = await Promise.all(teams.map(async (id) => formatTeam(id, await store.listTeam(id, now, idleMs))));
      return lists.join('\n\n') || 'No team yet: start the server once to create it.';
    }
    case 'revoke-device':
      for (const teamId of teams) {
        if (await store.revokeDevice({ teamId }, cmd.deviceId, now)) {
          return `Revoked device ${cmd.deviceId}, the links it made and the devices that joined with them.`;
        }
      }
      throw new AdminCommandError(`No live device ${cmd.deviceId}: see --list-devices (it may be revoked already).`);
    case 'disable-member':
      for (const teamId of teams) {
        if (await store.disableMember(teamId, cmd.userId, now)) {
          return `Disabled member ${cmd.userId}: all their devices and unused links are refused.`;
        }
      }
      throw new AdminCommandError(`No active member ${cmd.userId}: see --list-devices (they may be disabled already).`);
    case 'enable-member': {
      const { code, link } = newReturnLink(now);
      for (const teamId of teams) {
        if (await store.enableMember(teamId, cmd.userId, link, now)) {
          return `Re-enabled member ${cmd.userId}. Their old devices stay revoked; this link adds a new one (single use, valid 3 days): ${inviteLink(publicUrl, code)}`;
        }
      }
      throw new AdminCommandError(`No disabled member ${cmd.userId}: see --list-devices.`);
    }
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function formatTeam(teamId: string, team: TeamResponse): string {
  const names = new Map(team.members.flatMap((m) => m.devices.map((d) => [d.id, d.name] as const)));
  const lines = [`Team ${teamId}`];
  for (const m of team.members) {
    const state = m.disabledAt === null ? '' : `, disabled ${day(m.disabledAt)}`;
    const links = m.openLinks > 0 ? `, ${m.openLinks} unused link${m.openLinks === 1 ? '' : 's'}` : '';
    lines.push(`  ${m.name} (${m.role}${state}${links})  member ${m.id}`);
    for (const d of m.devices) lines.push(`    ${formatDevice(d, names)}`);
  }
  return lines.join('\n');
}

function formatDevice(d: TeamDevice, names: Map<string, string>): string {
  const seen = d.lastSeenAt === null ? 'never seen' : `last seen ${day(d.lastSeenAt)}`;
  const linked = d.linkedBy === null ? '' : `, linked by “${names.get(d.linkedBy) ?? '?'}” ${d.linkedBy}`;
  return `${d.status.padEnd(7)} “${d.name}” ${d.id}  created ${day(d.createdAt)}, ${seen}${linked}`;
}
