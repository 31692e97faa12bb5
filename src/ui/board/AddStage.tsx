import { useState } from 'react';
import { addStage } from '../../opportunities/opportunities';
import { db } from '../../storage/db';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/** "Add a stage": a name, and the new stage goes after the last open one, before Won and Lost. */
export function AddStage() {
  const [name, setName] = useState<string>();
  const { error, run } = useAction();
  if (name === undefined) {
    return (
      <button type="button" onClick={() => setName('')} className="text-xs text-blue-700 hover:underline">
        {t('board.addStage')}
      </button>
    );
  }
  return (
    <form
      aria-label={t('board.addStage')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => addStage(db, name)).then((ok) => ok && setName(undefined));
      }}
      className="flex items-center gap-2 text-xs"
    >
      <input
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setName(undefined)}
        aria-label={t('board.newStageName')}
        placeholder={t('board.newStagePlaceholder')}
        maxLength={100}
        className="rounded border border-slate-300 px-1 py-0.5"
      />
      <button type="submit" className="rounded bg-blue-700 px-2 py-0.5 text-white">
        {t('neverLog.add')}
      </button>
      <button type="button" onClick={() => setName(undefined)} className="text-slate-600 underline">
        {t('common.cancel')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
