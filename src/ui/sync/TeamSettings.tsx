import { useState } from 'react';
import { db } from '../../storage/db';
import { joinTeam, leaveTeam } from '../../sync/client/account';
import { askToSendToTeam } from '../../sync/client/consent';
import type { Fetch } from '../../sync/client/api';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { DevicesSection } from './DevicesSection';
import { RejectedList } from './RejectedList';
import { sendSyncNow } from './sendSyncNow';
import { SyncStatus } from './SyncStatus';
import { useSyncState } from './useSyncState';
import { t } from '../../i18n';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';
const button = 'rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-700 disabled:opacity-50';

/**
 * Settings → Team: connect this browser to a team server with an invite link, see sync status,
 * leave, see this member's devices (and, for admins, the team's), and review changes the server refused.
 */
export function TeamSettings({ fetch }: { fetch: Fetch }) {
  const state = useSyncState();
  if (!state) return null;
  return (
    <div className="space-y-6">
      {state.account ? (
        <section className="space-y-2">
          <h2 className="text-base font-semibold">{t('team.title')}</h2>
          <p className="text-sm">
            {t('team.connectedTo')} <span className="font-mono">{state.account.serverUrl}</span>
          </p>
          <SyncStatus />
          <LeaveButton />
        </section>
      ) : (
        <JoinForm fetch={fetch} />
      )}
      {state.account && <DevicesSection account={state.account} fetch={fetch} />}
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t('team.refused')}</h2>
        <RejectedList />
      </section>
    </div>
  );
}

/** Joining a team with an invite link: Settings → Team, and the welcome page's optional step. */
export function JoinForm({ fetch }: { fetch: Fetch }) {
  const [serverUrl, setServerUrl] = useState('');
  const [invite, setInvite] = useState('');
  const [deviceName, setDeviceName] = useState(() => t('team.defaultDevice'));
  const [busy, setBusy] = useState(false);
  const { error, run } = useAction();
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void run(async () => {
          // Asked first, while the submit is still the user's action (Firefox asks only then).
          await askToSendToTeam();
          await joinTeam(db, { serverUrl, inviteCode: invite, deviceName }, { fetch });
          await sendSyncNow();
        }).finally(() => setBusy(false));
      }}
    >
      <h2 className="text-base font-semibold">{t('team.connect')}</h2>
      <p className="text-sm text-slate-600">{t('team.connectHelp')}</p>
      <label className="block text-sm">
        {t('team.invite')}
        <input
          className={input}
          value={invite}
          onChange={(e) => setInvite(e.target.value)}
          placeholder="https://sync.example.com/join#inv_…"
          required
        />
      </label>
      <label className="block text-sm">
        {t('team.server')}
        <input className={input} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://sync.example.com" />
      </label>
      <label className="block text-sm">
        {t('team.device')}
        <input className={input} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} required maxLength={200} />
      </label>
      <button type="submit" className={button} disabled={busy}>
        {busy ? t('team.connecting') : t('team.connectButton')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function LeaveButton() {
  const { error, run } = useAction();
  return (
    <div>
      <button
        type="button"
        className={button}
        onClick={() => {
          if (confirm(t('team.leaveConfirm'))) {
            void run(() => leaveTeam(db));
          }
        }}
      >
        {t('team.leave')}
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
