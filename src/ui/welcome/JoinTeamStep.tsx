import type { Fetch } from '../../sync/client/api';
import { JoinForm } from '../sync/TeamSettings';
import { useSyncState } from '../sync/useSyncState';
import { t } from '../../i18n';

/** The welcome page's team step: Settings' join form, or where this browser already syncs. */
export function JoinTeamStep({ fetch }: { fetch: Fetch }) {
  const state = useSyncState();
  if (!state) return null;
  if (!state.account) return <JoinForm fetch={fetch} />;
  return (
    <section className="space-y-2" aria-labelledby="team-joined-title">
      <h2 id="team-joined-title" className="text-base font-semibold">
        {t('team.title')}
      </h2>
      <p className="text-sm">
        {t('welcome.sharesWith')} <span className="font-mono">{state.account.serverUrl}</span>
        {t('welcome.sharesWithAfter')}
      </p>
    </section>
  );
}
