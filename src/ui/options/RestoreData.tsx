import { useState } from 'react';
import { db } from '../../storage/db';
import { MAX_RESTORE_BYTES, readRestoreFile, RestoreFileError, type RestoreFile } from '../../storage/restore/file';
import { previewRestore, restoreExport, type RestoreReport } from '../../storage/restore/restore';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { fileContents, restoreEffect } from './restore-summary';
import { formatNumber, t } from '../../i18n';

interface Chosen {
  name: string;
  file: RestoreFile;
  preview: RestoreReport;
}

/**
 * Settings → Restore from a Clyde export: the file "Export everything" saved comes back. First a
 * preview of what it holds and what would change, then all of it or, on any failure, nothing.
 * Newer edits made here are never overwritten (storage/restore/).
 */
export function RestoreData() {
  const { error, run } = useAction();
  const [chosen, setChosen] = useState<Chosen | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const choose = async (picked: File) => {
    setChosen(undefined);
    setDone(undefined);
    setBusy(t('restore.reading'));
    await run(async () => {
      if (picked.size > MAX_RESTORE_BYTES)
        throw new RestoreFileError(t('restore.tooLarge', { name: picked.name, mb: formatNumber(MAX_RESTORE_BYTES / 1024 / 1024) }));
      const file = readRestoreFile(await picked.text());
      setChosen({ name: picked.name, file, preview: await previewRestore(db, file) });
    });
    setBusy(undefined);
  };
  const restore = async () => {
    if (!chosen) return;
    setBusy(t('restore.restoring', { what: fileContents(chosen.preview) }));
    const ok = await run(async () => {
      const report = await restoreExport(db, chosen.file);
      setDone(t('restore.restored', { name: chosen.name, effect: restoreEffect(report, true) }));
    });
    if (ok) setChosen(undefined);
    setBusy(undefined);
  };
  const button = 'rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50 disabled:opacity-50';
  return (
    <section className="mt-6 space-y-2" aria-labelledby="restore-title">
      <h2 id="restore-title" className="text-base font-semibold">
        {t('restore.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('restore.help')}</p>
      <input
        type="file"
        aria-label={t('restore.file')}
        accept=".json,application/json"
        disabled={busy !== undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after a failure) reads it again.
          e.target.value = '';
          if (file) void choose(file);
        }}
        className="block text-sm"
      />
      {chosen && !busy && (
        <div className="space-y-2 rounded border border-slate-200 p-3 text-sm" aria-label={t('restore.preview')}>
          <p>{t('restore.holds', { name: chosen.name, date: chosen.file.exportedAt.slice(0, 10), what: fileContents(chosen.preview) })}</p>
          <p className="text-slate-600">{restoreEffect(chosen.preview, false)}</p>
          <div className="flex gap-2">
            <button type="button" onClick={() => void restore()} className={button}>
              {t('restore.button')}
            </button>
            <button type="button" onClick={() => setChosen(undefined)} className={button}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {busy && (
        <p role="status" className="text-sm text-slate-600">
          {busy}
        </p>
      )}
      {done && !busy && (
        <p role="status" className="text-sm text-slate-600">
          {done}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
