import { useState } from 'react';
import type { ClydeDB } from '../../storage/db';
import { exportAll, exportFileName } from '../../storage/export';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Settings → Your data: one click saves everything Clyde keeps as a JSON file. No account, no
 * server: the file is made in this page and handed to the browser's own download.
 */
export function ExportData({ db }: { db: ClydeDB }) {
  const { error, run } = useAction();
  const [saved, setSaved] = useState<string | undefined>();
  const save = () =>
    run(async () => {
      const data = await exportAll(db);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName() });
      link.click();
      // Revoked later, not at once: some browsers start reading the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setSaved(`Saved ${count(data.people.length, 'person', 'people')}, ${count(data.notes.length, 'note')}, ${count(data.preferences.length, 'fact')} and ${count(data.tasks.length, 'task')}.`);
    });
  return (
    <section className="mt-6 space-y-2" aria-labelledby="export-title">
      <h2 id="export-title" className="text-base font-semibold">
        Your data
      </h2>
      <p className="text-sm text-slate-600">Everything Clyde keeps in this browser, private and shared, as one JSON file.</p>
      <button type="button" onClick={() => void save()} className="rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50">
        Export everything
      </button>
      {saved && (
        <p role="status" className="text-sm text-slate-600">
          {saved}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
