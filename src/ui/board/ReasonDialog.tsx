import { useState } from 'react';
import type { Outcome } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * Asks why a deal was won or lost before it moves there: the reason is required and kept on the
 * deal and its company's timeline. Cancel (or Escape) leaves the deal where it was.
 */
export function ReasonDialog({
  title,
  outcome,
  onSave,
  onCancel,
}: {
  title: string;
  outcome: Exclude<Outcome, 'open'>;
  onSave: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const { error, run } = useAction();
  return (
    <div className="fixed inset-0 z-20 flex items-start justify-center bg-slate-900/20 pt-24 dark:bg-black/60">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="board-reason-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          } else if (e.key === 'Tab') keepFocusIn(e);
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => onSave(reason));
        }}
        className="w-96 max-w-[calc(100vw-3rem)] rounded border border-slate-300 bg-white p-4 shadow-lg"
      >
        <h2 id="board-reason-title" className="font-semibold">
          {outcome === 'won' ? t('board.why.won.before') : t('board.why.lost.before')}
          <bdi>{title}</bdi>
          {outcome === 'won' ? t('board.why.won.after') : t('board.why.lost.after')}
        </h2>
        <p className="mt-1 text-xs text-slate-500">{t('board.why.help')}</p>
        <input
          autoFocus
          aria-label={outcome === 'won' ? t('board.why.won.label') : t('board.why.lost.label')}
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          className="mt-2 w-full rounded border border-slate-300 px-2 py-1"
        />
        <ErrorLine error={error} />
        <div className="mt-3 flex gap-3 text-sm">
          <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white">
            {outcome === 'won' ? t('board.why.won.move') : t('board.why.lost.move')}
          </button>
          <button type="button" onClick={onCancel} className="text-slate-600 underline">
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Tab and Shift+Tab go round the dialog's own fields: the board behind it waits for the answer. */
function keepFocusIn(e: React.KeyboardEvent<HTMLElement>) {
  const stops = [...e.currentTarget.querySelectorAll<HTMLElement>('input, button')];
  const edge = e.shiftKey ? stops[0] : stops.at(-1);
  if (e.target !== edge) return;
  e.preventDefault();
  (e.shiftKey ? stops.at(-1) : stops[0])?.focus();
}
