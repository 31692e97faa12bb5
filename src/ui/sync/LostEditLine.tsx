import { useContext } from 'react';
import { db } from '../../storage/db';
import type { Entity } from '../../storage/schema';
import { forgetLostEdit, takeBackLostEdit } from '../../sync/client/lost-edits';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { lostEditText } from './lost-edit-text';
import { ShareViewerContext } from './share-viewer';
import { t } from '../../i18n';

/**
 * A quiet line under a note, fact, task, person, company or deal whose text a teammate's concurrent edit replaced
 * (issue #15, point 4): what the user wrote, what won and whose it is, with "Use mine" to put
 * theirs back and × to let it go. Shown only while the record still holds that winning edit:
 * once anyone edits the field again, the notice is moot and disappears by itself.
 */
export function LostEditLine({ entity, record }: { entity: Entity; record: { id: string; clocks: Record<string, string> } }) {
  const edits = useContext(ShareViewerContext)?.lostEdits;
  const { error, run } = useAction();
  const shown = edits?.filter((e) => e.entity === entity && e.id === record.id && record.clocks[e.field] === e.hlc);
  if (!shown?.length) return null;
  const button = 'text-blue-700 underline hover:text-blue-900';
  return (
    <div>
      {shown.map((e) => (
        <p key={e.field} data-testid="lost-edit" className="text-xs text-slate-500">
          {lostEditText(e, Date.now())} —{' '}
          <button type="button" className={button} onClick={() => void run(() => takeBackLostEdit(db, e))}>
            {t('lostEdit.useMine')}
          </button>{' '}
          <button
            type="button"
            aria-label={t('lostEdit.dismiss')}
            title={t('lostEdit.keepTheirs')}
            className="text-slate-400 hover:text-slate-700"
            onClick={() => void run(() => forgetLostEdit(db, e))}
          >
            ×
          </button>
        </p>
      ))}
      <ErrorLine error={error} />
    </div>
  );
}
