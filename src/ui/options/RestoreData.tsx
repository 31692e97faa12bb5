import { useState } from 'react';
import { db } from '../../storage/db';
import { MAX_RESTORE_BYTES, readRestoreFile, RestoreFileError, type RestoreFile } from '../../storage/restore/file';
import { previewRestore, restoreExport, type RestoreReport } from '../../storage/restore/restore';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { fileContents, restoreEffect } from './restore-summary';

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
    setBusy('Reading the file…');
    await run(async () => {
      if (picked.size > MAX_RESTORE_BYTES)
        throw new RestoreFileError(`“${picked.name}” is larger than ${MAX_RESTORE_BYTES / 1024 / 1024} MB; it is not a Clyde export.`);
      const file = readRestoreFile(await picked.text());
      setChosen({ name: picked.name, file, preview: await previewRestore(db, file) });
    });
    setBusy(undefined);
  };
  const restore = async () => {
    if (!chosen) return;
    setBusy(`Restoring ${fileContents(chosen.preview)}…`);
    const ok = await run(async () => {
      const report = await restoreExport(db, chosen.file);
      setDone(`Restored from “${chosen.name}”: ${restoreEffect(report, true)}`);
    });
    if (ok) setChosen(undefined);
    setBusy(undefined);
  };
  const button = 'rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50 disabled:opacity-50';
  return (
    <section className="mt-6 space-y-2" aria-labelledby="restore-title">
      <h2 id="restore-title" className="text-base font-semibold">
        Restore from a Clyde export
      </h2>
      <p className="text-sm text-slate-600">
        The .json file “Export everything” saved. You see what it holds before anything changes; edits made here since the export are kept,
        and nothing is half-restored.
      </p>
      <input
        type="file"
        aria-label="Clyde export file (.json)"
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
        <div className="space-y-2 rounded border border-slate-200 p-3 text-sm" aria-label="Restore preview">
          <p>
            “{chosen.name}”, exported {chosen.file.exportedAt.slice(0, 10)}, holds {fileContents(chosen.preview)}.
          </p>
          <p className="text-slate-600">{restoreEffect(chosen.preview, false)}</p>
          <div className="flex gap-2">
            <button type="button" onClick={() => void restore()} className={button}>
              Restore
            </button>
            <button type="button" onClick={() => setChosen(undefined)} className={button}>
              Cancel
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
