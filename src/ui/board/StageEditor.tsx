import { useState } from 'react';
import { editStage, removeStage } from '../../opportunities/opportunities';
import { isClosed, type StageView } from '../../opportunities/stages';
import { db } from '../../storage/db';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

const field = 'rounded border border-slate-300 px-1 py-0.5 text-xs';

/**
 * Renames a stage, sets how long a deal may sit in it without activity before it is at risk, or
 * removes it when it holds no deal. Only changed fields are written: each field merges on its own,
 * so saving the name must not undo a teammate's new limit.
 */
export function StageEditor({ stage, onDone }: { stage: StageView; onDone: () => void }) {
  const [name, setName] = useState(stage.name);
  const [idle, setIdle] = useState(stage.idleDays?.toString() ?? '');
  const { error, run } = useAction();
  const open = !isClosed(stage.outcome);

  const save = async () => {
    const fields: Parameters<typeof editStage>[2] = {};
    if (name !== stage.name) fields.name = name;
    const idleDays = idle.trim() === '' ? null : Number(idle);
    if (open && idleDays !== (stage.idleDays ?? null)) fields.idleDays = idleDays;
    if (!Object.keys(fields).length || (await run(() => editStage(db, stage.id, fields)))) onDone();
  };

  return (
    <form
      aria-label={t('board.editStage', { stage: stage.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="mt-2 space-y-1 rounded border border-slate-200 bg-white p-2"
    >
      <label className="block text-xs">
        {t('board.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} className={`${field} block w-full`} maxLength={100} />
      </label>
      {open && (
        <label className="block text-xs">
          {t('board.atRiskAfter')}
          <input
            type="number"
            min={1}
            max={3650}
            value={idle}
            onChange={(e) => setIdle(e.target.value)}
            className={`${field} mx-1 inline w-14`}
            aria-label={t('board.atRiskLabel')}
          />
          {t('board.daysIdle')}
        </label>
      )}
      <div className="flex gap-2 pt-1 text-xs">
        <button type="submit" className="rounded bg-blue-700 px-2 py-0.5 text-white">
          {t('board.save')}
        </button>
        <button type="button" onClick={onDone} className="text-slate-600 underline">
          {t('common.cancel')}
        </button>
        {open && (
          <button type="button" onClick={() => void run(() => removeStage(db, stage.id))} className="ml-auto text-red-700 underline">
            {t('board.removeStage')}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
