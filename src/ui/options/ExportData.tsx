import { useState } from 'react';
import { opportunitiesCsv } from '../../companies/opportunities-csv';
import { db } from '../../storage/db';
import { contactsFile, contactsOf } from '../../storage/contacts/export';
import { exportAll, exportFileName } from '../../storage/contacts/export-all';
import { count, listOf } from '../count';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import type { LongWork } from '../../storage/progress';
import { ProgressLine } from './ProgressLine';
import { useLongWork } from './useLongWork';
import { formatNumber, t } from '../../i18n';

/** Hands a file made in this page to the browser's own download. */
function download(content: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const CONTACT_FORMATS = {
  vcard: { label: () => t('export.vcard'), type: 'text/vcard', ext: 'vcf' },
  csv: { label: () => t('export.csv'), type: 'text/csv', ext: 'csv' },
} as const;

/**
 * Settings → Your data: one click saves everything Clyde keeps as a JSON file, the people as
 * an address book (vCard or CSV) for a phone or another mail app, or the deals as a spreadsheet. No account, no server: files
 * are made in this page and handed to the browser's own download.
 */
export function ExportData() {
  const { error, run } = useAction();
  const [saved, setSaved] = useState<string | undefined>();
  const { progress, track, cancel } = useLongWork();
  const [writing, setWriting] = useState<'records' | 'contacts'>('records');
  /** Runs one export with counts and Cancel; a cancelled one hands the browser no file. */
  const long = (what: 'records' | 'contacts', work: (w: LongWork) => Promise<void>) => {
    setSaved(undefined);
    setWriting(what);
    return run(() => track(work, () => setSaved(t('export.cancelled'))));
  };
  const save = () =>
    long('records', async (work) => {
      const data = await exportAll(db, new Date(), work);
      download(JSON.stringify(data, null, 2), 'application/json', exportFileName());
      setSaved(
        t('export.saved', {
          what: listOf([
            count(data.people.length, 'person'),
            count(data.notes.length, 'note'),
            count(data.preferences.length, 'fact'),
            count(data.tasks.length, 'task'),
          ]),
        }),
      );
    });
  const saveContacts = (format: keyof typeof CONTACT_FORMATS) =>
    long('contacts', async (work) => {
      const { type, ext } = CONTACT_FORMATS[format];
      const contacts = await contactsOf(db);
      download(await contactsFile(contacts, format, work), type, `clyde-contacts-${new Date().toISOString().slice(0, 10)}.${ext}`);
      setSaved(t('export.saved', { what: count(contacts.length, 'contact') }));
    });
  const saveDeals = () =>
    run(async () => {
      const [csv, rows] = await Promise.all([opportunitiesCsv(db), db.opportunities.filter((o) => !o.deleted).count()]);
      download(csv, 'text/csv', `clyde-opportunities-${new Date().toISOString().slice(0, 10)}.csv`);
      setSaved(t('export.saved', { what: count(rows, 'opportunity') }));
    });
  const button = 'rounded border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-50';
  return (
    <section className="mt-6 space-y-2" aria-labelledby="export-title">
      <h2 id="export-title" className="text-base font-semibold">
        {t('export.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('export.help')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void save()} className={button}>
          {t('export.all')}
        </button>
        {(Object.keys(CONTACT_FORMATS) as (keyof typeof CONTACT_FORMATS)[]).map((f) => (
          <button key={f} type="button" onClick={() => void saveContacts(f)} className={button}>
            {CONTACT_FORMATS[f].label()}
          </button>
        ))}
        <button type="button" onClick={() => void saveDeals()} className={button}>
          {t('export.deals')}
        </button>
      </div>
      {progress && (
        <ProgressLine
          progress={progress}
          text={t(writing === 'records' ? 'export.progressRecords' : 'export.progressContacts', {
            done: formatNumber(progress.done),
            total: formatNumber(progress.total),
          })}
          onCancel={cancel}
        />
      )}
      {saved && (
        <p role="status" className="text-sm text-slate-600">
          {saved}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
