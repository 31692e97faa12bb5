import { useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import { isClosed } from '../../opportunities/stages';
import type { BoardColumn } from './columns';
import { RECENT_DAYS } from './load';
import { formatTotals } from '../../opportunities/money';
import { StageEditor } from './StageEditor';
import { formatNumber, t } from '../../i18n';

/** One stage: its name, how many deals and their value per currency, its cards, and its editor. */
export function Column({ column: { stage, cards, totals }, children }: { column: BoardColumn; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const [editing, setEditing] = useState(false);
  const titleId = `board-stage-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={titleId}
      data-testid="board-column"
      data-stage-id={stage.id}
      className={`flex w-60 shrink-0 flex-col rounded bg-slate-50 p-2 ${isOver ? 'ring-2 ring-blue-400' : ''}`}
    >
      <header className="mb-2">
        <div className="flex items-baseline gap-2">
          <h2 id={titleId} dir="auto" className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {stage.name}
          </h2>
          <span className="text-xs text-slate-400">{cards.length}</span>
          <button
            type="button"
            aria-expanded={editing}
            aria-label={t('board.editStage', { stage: stage.name })}
            title={t('board.stagesShared')}
            onClick={() => setEditing((e) => !e)}
            className="ml-auto text-xs text-slate-400 hover:text-blue-700"
          >
            {t('editable.editTitle')}
          </button>
        </div>
        <p className="text-xs text-slate-600" data-testid="board-total">
          {formatTotals(totals)}
        </p>
        {isClosed(stage.outcome) && (
          <p className="text-[11px] text-slate-400">{t('board.closedRecently', { days: formatNumber(RECENT_DAYS) })}</p>
        )}
        {editing && <StageEditor stage={stage} onDone={() => setEditing(false)} />}
      </header>
      <ul className="flex flex-1 flex-col gap-2">{children}</ul>
    </section>
  );
}
