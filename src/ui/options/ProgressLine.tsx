import { t } from '../../i18n';
import type { Progress } from './useLongWork';

/** "Importing 1,200 of 5,000 contacts…" with a bar and Cancel, while long work runs. */
export function ProgressLine({ progress, text, onCancel }: { progress: Progress; text: string; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <p role="status">{text}</p>
      <progress className="h-2 w-40" value={progress.done} max={Math.max(progress.total, 1)} aria-label={text} />
      <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-2 py-0.5 font-semibold hover:bg-slate-50">
        {t('common.cancel')}
      </button>
    </div>
  );
}
