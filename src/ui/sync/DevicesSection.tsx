import { useState } from 'react';
import type { Device, InviteResponse, MeResponse, Role, TeamDevice, TeamMember, TeamResponse } from '../../sync/account-protocol';
import type { Fetch } from '../../sync/client/api';
import type { Account } from '../../sync/client/state';
import { formatDay, formatDayTime } from '../dates';
import { ErrorLine } from '../ErrorLine';
import { PassOnLink } from './PassOnLink';
import { useTeamDevices } from './useTeamDevices';
import { formatNumber, t } from '../../i18n';

const small = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50';
const STATUS_TEXT: Record<TeamDevice['status'], () => string> = {
  active: () => t('devices.status.active'),
  revoked: () => t('devices.status.revoked'),
  expired: () => t('devices.status.expired'),
};
const ROLE_TEXT: Record<TeamMember['role'], () => string> = {
  admin: () => t('devices.role.admin'),
  member: () => t('devices.role.member'),
};

type Act = ReturnType<typeof useTeamDevices>['act'];

/**
 * Settings → Team: the member's own devices for everyone, and for admins "Team members and
 * devices" — who has which device, who linked it, and the way to lock a lost one out.
 */
export function DevicesSection({ account, fetch }: { account: Account; fetch: Fetch }) {
  const { me, team, error, act } = useTeamDevices(account, fetch);
  return (
    <>
      <section className="space-y-2" aria-label={t('devices.yours')}>
        <h2 className="text-base font-semibold">{t('devices.yours')}</h2>
        {me ? (
          <>
            <OwnDevices devices={me.devices} act={act} />
            <LinkMaker
              label={t('devices.addDevice')}
              help={t('devices.addDeviceHelp')}
              serverUrl={account.serverUrl}
              make={() => act((api) => api.linkDevice())}
            />
          </>
        ) : (
          !error && <p className="text-sm text-slate-600">{t('devices.loading')}</p>
        )}
        <ErrorLine error={error} />
      </section>
      {team && me && <TeamDevices team={team} me={me} act={act} serverUrl={account.serverUrl} />}
    </>
  );
}

function seen(lastSeenAt: number | null) {
  return lastSeenAt === null ? t('devices.neverSeen') : t('devices.lastSeen', { when: formatDayTime(lastSeenAt) });
}

function OwnDevices({ devices, act }: { devices: Device[]; act: Act }) {
  const names = new Map(devices.map((d) => [d.id, d.name]));
  return (
    <ul className="space-y-1 text-sm">
      {devices.map((d) => (
        <li key={d.id} className="flex items-center gap-2">
          <span className="font-medium">{d.name}</span>
          <span className="text-xs text-slate-600">
            {t('devices.added', { day: formatDay(d.createdAt), seen: seen(d.lastSeenAt) })}
            {d.linkedBy && names.has(d.linkedBy) ? t('devices.linkedFrom', { name: names.get(d.linkedBy)! }) : ''}
          </span>
          {d.current ? (
            <span className="text-xs text-slate-600">{t('devices.thisBrowser')}</span>
          ) : (
            <ConfirmButton
              label={t('devices.signOut')}
              question={t('devices.signOutConfirm', { name: d.name })}
              onConfirm={() => act((api) => api.revokeDevice(d.id))}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function TeamDevices({ team, me, act, serverUrl }: { team: TeamResponse; me: MeResponse; act: Act; serverUrl: string }) {
  const names = new Map(team.members.flatMap((m) => m.devices.map((d) => [d.id, `${d.name} (${m.name})`])));
  return (
    <section className="space-y-3" aria-label={t('devices.team')}>
      <h2 className="text-base font-semibold">{t('devices.team')}</h2>
      <p className="text-sm text-slate-600">{t('devices.teamHelp')}</p>
      <InviteMaker act={act} serverUrl={serverUrl} />
      {team.members.map((m) => (
        <Member key={m.id} member={m} self={m.id === me.userId} currentDevice={me.deviceId} names={names} act={act} serverUrl={serverUrl} />
      ))}
    </section>
  );
}

interface LinkMakerProps {
  label: string;
  help: string;
  serverUrl: string;
  make: () => Promise<InviteResponse | undefined>;
  /** Whether the button shows; the link made stays shown after it goes (a re-enabled member's). */
  offer?: boolean;
}

/** A button that makes a link, then shows it to pass on until the section is left. */
function LinkMaker({ label, help, serverUrl, make, offer = true }: LinkMakerProps) {
  const [made, setMade] = useState<InviteResponse>();
  return (
    <div>
      {offer && (
        <button type="button" className={small} onClick={() => void make().then((m) => m && setMade(m))}>
          {label}
        </button>
      )}
      {made && <PassOnLink serverUrl={serverUrl} made={made} help={help} />}
    </div>
  );
}

/** Admins invite a teammate, as a member or a fellow admin; the link is theirs to send. */
function InviteMaker({ act, serverUrl }: { act: Act; serverUrl: string }) {
  const [role, setRole] = useState<Role>('member');
  return (
    <div className="flex items-start gap-2">
      <label className="text-xs">
        <span className="sr-only">{t('devices.inviteAs')}</span>
        <select
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          <option value="member">{t('devices.role.member')}</option>
          <option value="admin">{t('devices.role.admin')}</option>
        </select>
      </label>
      <div className="flex-1">
        <LinkMaker
          label={t('devices.invite')}
          help={t('devices.inviteHelp')}
          serverUrl={serverUrl}
          make={() => act((api) => api.invite(role))}
        />
      </div>
    </div>
  );
}

interface MemberProps {
  member: TeamMember;
  serverUrl: string;
  self: boolean;
  /** This browser: not offered for revoking here (that would lock the admin out mid-click; "Leave team" is the way). */
  currentDevice: string;
  names: Map<string, string>;
  act: Act;
}

function Member({ member: m, self, currentDevice, names, act, serverUrl }: MemberProps) {
  return (
    <div className="rounded border border-slate-200 p-2" data-member={m.id}>
      <div className="flex items-center gap-2 text-sm">
        <span className="font-medium">{m.name}</span>
        <span className="text-xs text-slate-600">
          {t('devices.joined', { role: ROLE_TEXT[m.role](), day: formatDay(m.createdAt) })}
          {m.openLinks > 0 ? t('devices.openLinks', m.openLinks, [formatNumber(m.openLinks)]) : ''}
        </span>
        {m.disabledAt !== null ? (
          <span className="text-xs text-red-700">{t('devices.disabled', { day: formatDay(m.disabledAt) })}</span>
        ) : (
          !self && (
            <ConfirmButton
              label={t('devices.disable')}
              question={t('devices.disableConfirm', { name: m.name })}
              onConfirm={() => act((api) => api.disableMember(m.id))}
            />
          )
        )}
      </div>
      <LinkMaker
        offer={m.disabledAt !== null}
        label={t('devices.enable')}
        help={t('devices.enableHelp', { name: m.name })}
        serverUrl={serverUrl}
        make={() => act((api) => api.enableMember(m.id))}
      />
      <ul className="mt-1 space-y-1 text-xs">
        {m.devices.map((d) => (
          <li key={d.id} className="flex items-center gap-2" data-device={d.id}>
            <span className="font-medium">{d.name}</span>
            <span className={d.status === 'active' ? 'text-slate-600' : 'text-red-700'}>{STATUS_TEXT[d.status]()}</span>
            <span className="text-slate-600">
              {t('devices.added', { day: formatDay(d.createdAt), seen: seen(d.lastSeenAt) })}
              {d.linkedBy ? t('devices.linkedFrom', { name: names.get(d.linkedBy) ?? t('devices.removedDevice') }) : ''}
            </span>
            {d.id === currentDevice && <span className="text-slate-600">{t('devices.thisBrowser')}</span>}
            {d.status === 'active' && d.id !== currentDevice && (
              <ConfirmButton
                label={t('devices.revoke')}
                question={t('devices.revokeConfirm', { device: d.name, name: m.name })}
                onConfirm={() => act((api) => api.revokeDevice(d.id))}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A small button that asks before it acts: signing a device out or disabling a member cannot be undone here. */
function ConfirmButton({ label, question, onConfirm }: { label: string; question: string; onConfirm: () => void }) {
  return (
    <button type="button" className={small} onClick={() => confirm(question) && onConfirm()}>
      {label}
    </button>
  );
}
