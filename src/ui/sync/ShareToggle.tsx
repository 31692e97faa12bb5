import { useContext } from 'react';
import { db } from '../../storage/db';
import type { Entity } from '../../storage/schema';
import { setShared } from '../../sync/client/share';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { ShareViewerContext } from './share-viewer';
import { t } from '../../i18n';

export interface Shareable {
  id: string;
  ownerId: string;
  scope: string;
}

const pill = 'rounded-full border px-1.5 text-[11px] leading-4';

/**
 * Who sees one note, fact or task: "Private" or "Shared", switched with one click by its author.
 * Before this browser joins a team the switch works the same and the choice waits in the
 * record: joining sends shared records to the team (joinTeam keeps their scope). A teammate's
 * record reaches this browser only because it is shared, so it shows "Shared" without a switch.
 * Sharing a note, fact or task also shares its person (see `setShared`). Who is looking comes
 * from `ShareViewerContext`; the switch shows nothing until it is known.
 */
export function ShareToggle({ entity, record }: { entity: Entity; record: Shareable }) {
  const who = useContext(ShareViewerContext);
  const { error, run } = useAction();
  if (!who) return null;
  const shared = record.scope === 'team';
  if (who.device && record.ownerId !== who.device.userId) {
    return (
      <span data-testid="share-state" className={`${pill} border-blue-200 text-blue-700`} title={t('share.byTeammate')}>
        {t('share.shared')}
      </span>
    );
  }
  const title = !who.account ? t('share.noTeamYet') : shared ? t('share.sharedTitle') : t('share.privateTitle');
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        data-testid="share-toggle"
        aria-pressed={shared}
        title={title}
        onClick={() => void run(() => setShared(db, entity, record.id, !shared))}
        className={`${pill} ${shared ? 'border-blue-300 bg-blue-50 text-blue-700' : 'border-slate-300 text-slate-500'} hover:border-blue-500`}
      >
        {shared ? (who.account ? t('share.shared') : t('share.sharedOnJoining')) : t('share.private')}
      </button>
      <ErrorLine error={error} />
    </span>
  );
}
