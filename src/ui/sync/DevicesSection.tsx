import type { Device, MeResponse, TeamDevice, TeamMember, TeamResponse } from '../../sync/account-protocol';
import type { Fetch } from '../../sync/client/api';
import type { Account } from '../../sync/client/state';
import { formatDay, formatDayTime } from '../dates';
import { ErrorLine } from '../ErrorLine';
import { useTeamDevices } from './useTeamDevices';

const small = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50';
const STATUS_TEXT: Record<TeamDevice['status'], string> = { active: 'Active', revoked: 'Revoked', expired: 'Expired (idle)' };

type Act = ReturnType<typeof useTeamDevices>['act'];

/**
 * Settings → Team: the member's own devices for everyone, and for admins "Team members and
 * devices" — who has which device, who linked it, and the way to lock a lost one out.
 */
export function DevicesSection({ account, fetch }: { account: Account; fetch: Fetch }) {
  const { me, team, error, act } = useTeamDevices(account, fetch);
  return (
    <>
      <section className="space-y-2" aria-label="Your devices">
        <h2 className="text-base font-semibold">Your devices</h2>
        {me ? <OwnDevices devices={me.devices} act={act} /> : !error && <p className="text-sm text-slate-600">Loading…</p>}
        <ErrorLine error={error} />
      </section>
      {team && me && <TeamDevices team={team} me={me} act={act} />}
    </>
  );
}

function seen(lastSeenAt: number | null) {
  return lastSeenAt === null ? 'never seen' : `last seen ${formatDayTime(lastSeenAt)}`;
}

function OwnDevices({ devices, act }: { devices: Device[]; act: Act }) {
  const names = new Map(devices.map((d) => [d.id, d.name]));
  return (
    <ul className="space-y-1 text-sm">
      {devices.map((d) => (
        <li key={d.id} className="flex items-center gap-2">
          <span className="font-medium">{d.name}</span>
          <span className="text-xs text-slate-600">
            added {formatDay(d.createdAt)}, {seen(d.lastSeenAt)}
            {d.linkedBy && names.has(d.linkedBy) ? `, linked from ${names.get(d.linkedBy)}` : ''}
          </span>
          {d.current ? (
            <span className="text-xs text-slate-600">(this browser)</span>
          ) : (
            <button
              type="button"
              className={small}
              onClick={() => {
                if (confirm(`Sign out “${d.name}”? It stops syncing at once, with any device linked from it.`)) {
                  void act((api) => api.revokeDevice(d.id));
                }
              }}
            >
              Sign out
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function TeamDevices({ team, me, act }: { team: TeamResponse; me: MeResponse; act: Act }) {
  const names = new Map(team.members.flatMap((m) => m.devices.map((d) => [d.id, `${d.name} (${m.name})`])));
  return (
    <section className="space-y-3" aria-label="Team members and devices">
      <h2 className="text-base font-semibold">Team members and devices</h2>
      <p className="text-sm text-slate-600">
        A lost or stolen device: revoke it, and every device linked from it goes too. Disabling a member signs out all their devices and
        cancels their unused invite links.
      </p>
      {team.members.map((m) => (
        <Member key={m.id} member={m} self={m.id === me.userId} currentDevice={me.deviceId} names={names} act={act} />
      ))}
    </section>
  );
}

interface MemberProps {
  member: TeamMember;
  self: boolean;
  /** This browser: not offered for revoking here (that would lock the admin out mid-click; "Leave team" is the way). */
  currentDevice: string;
  names: Map<string, string>;
  act: Act;
}

function Member({ member: m, self, currentDevice, names, act }: MemberProps) {
  return (
    <div className="rounded border border-slate-200 p-2" data-member={m.id}>
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">{m.name}</span>
        <span className="text-xs text-slate-600">
          {m.role}, joined {formatDay(m.createdAt)}
          {m.openLinks > 0 ? `, ${m.openLinks} unused invite link${m.openLinks === 1 ? '' : 's'}` : ''}
        </span>
        {m.disabledAt !== null ? (
          <span className="text-xs text-red-700">Disabled {formatDay(m.disabledAt)}</span>
        ) : (
          !self && (
            <button
              type="button"
              className={small}
              onClick={() => {
                if (confirm(`Disable ${m.name}? All their devices stop syncing at once and their unused invite links stop working.`)) {
                  void act((api) => api.disableMember(m.id));
                }
              }}
            >
              Disable member
            </button>
          )
        )}
      </div>
      <ul className="mt-1 space-y-1 text-xs">
        {m.devices.map((d) => (
          <li key={d.id} className="flex items-center gap-2" data-device={d.id}>
            <span className="font-medium">{d.name}</span>
            <span className={d.status === 'active' ? 'text-slate-600' : 'text-red-700'}>{STATUS_TEXT[d.status]}</span>
            <span className="text-slate-600">
              added {formatDay(d.createdAt)}, {seen(d.lastSeenAt)}
              {d.linkedBy ? `, linked from ${names.get(d.linkedBy) ?? 'a removed device'}` : ''}
            </span>
            {d.id === currentDevice && <span className="text-slate-600">(this browser)</span>}
            {d.status === 'active' && d.id !== currentDevice && (
              <button
                type="button"
                className={small}
                onClick={() => {
                  if (confirm(`Revoke “${d.name}” of ${m.name}? It stops syncing at once, with every device linked from it.`)) {
                    void act((api) => api.revokeDevice(d.id));
                  }
                }}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
