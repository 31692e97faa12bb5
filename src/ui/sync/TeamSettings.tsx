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
          <h2 className="text-base font-semibold">Team</h2>
          <p className="text-sm">
            Connected to <span className="font-mono">{state.account.serverUrl}</span>
          </p>
          <SyncStatus />
          <LeaveButton />
        </section>
      ) : (
        <JoinForm fetch={fetch} />
      )}
      {state.account && <DevicesSection account={state.account} fetch={fetch} />}
      <section className="space-y-2">
        <h2 className="text-base font-semibold">Refused changes</h2>
        <RejectedList />
      </section>
    </div>
  );
}

/** Joining a team with an invite link: Settings → Team, and the welcome page's optional step. */
export function JoinForm({ fetch }: { fetch: Fetch }) {
  const [serverUrl, setServerUrl] = useState('');
  const [invite, setInvite] = useState('');
  const [deviceName, setDeviceName] = useState('My browser');
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
      <h2 className="text-base font-semibold">Connect to a team</h2>
      <p className="text-sm text-slate-600">
        Paste the invite link your team admin sent you. Your notes stay private unless you share them.
      </p>
      <label className="block text-sm">
        Invite link
        <input
          className={input}
          value={invite}
          onChange={(e) => setInvite(e.target.value)}
          placeholder="https://sync.example.com/join#inv_…"
          required
        />
      </label>
      <label className="block text-sm">
        Server address (only if the invite is a bare code)
        <input className={input} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://sync.example.com" />
      </label>
      <label className="block text-sm">
        Name of this device
        <input className={input} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} required maxLength={200} />
      </label>
      <button type="submit" className={button} disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
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
          if (
            confirm(
              'Leave the team on this browser? Your own records and unsent changes stay here; teammates’ records are removed from this browser.',
            )
          ) {
            void run(() => leaveTeam(db));
          }
        }}
      >
        Leave team
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
