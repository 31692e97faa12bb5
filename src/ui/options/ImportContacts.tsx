import { useState } from 'react';
import { ContactsFileError } from '../../storage/contacts/contact';
import { importContacts, MAX_FILE_BYTES, readContactsFile, type ImportReport } from '../../storage/contacts/import';
import { db } from '../../storage/db';
import { count } from '../count';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { ProgressLine } from './ProgressLine';
import { useLongWork } from './useLongWork';
import { formatNumber, t } from '../../i18n';

const SKIPS_LISTED = 5;

/** "Added 3 people. 1 was already in Clyde. Skipped 1: row 4 (no name, email or profile)." */
export function importSummary(r: ImportReport): string {
  const parts = [t('import.added', { people: count(r.added, 'person') })];
  if (r.known) parts.push(t('import.known', r.known, [count(r.known, 'contact')]));
  if (r.neverLogged) parts.push(t('import.neverLogged', { contacts: count(r.neverLogged, 'contact') }));
  if (r.skipped.length) {
    const listed = r.skipped.slice(0, SKIPS_LISTED).map((s) => `${s.at} (${s.why})`);
    const more = r.skipped.length > SKIPS_LISTED ? t('import.more', { n: formatNumber(r.skipped.length - SKIPS_LISTED) }) : '';
    parts.push(t('import.skipped', { n: formatNumber(r.skipped.length), rows: listed.join(', '), more }));
  }
  return parts.join(' ');
}

/**
 * Settings → Import contacts: an address book exported as CSV or vCard becomes people, so Clyde
 * knows the user's customers from the first email. Read in this page; nothing leaves the browser.
 */
export function ImportContacts() {
  const { error, run } = useAction();
  const [done, setDone] = useState<string | undefined>();
  const { progress, track, cancel } = useLongWork();
  const load = async (file: File) => {
    setDone(undefined);
    await run(() =>
      track(
        async (work) => {
          if (file.size > MAX_FILE_BYTES)
            throw new ContactsFileError(t('import.tooLarge', { name: file.name, mb: formatNumber(MAX_FILE_BYTES / 1024 / 1024) }));
          setDone(importSummary(await importContacts(db, readContactsFile(file.name, await file.text()), work)));
        },
        // One transaction: a cancelled import added no one.
        () => setDone(t('import.cancelled')),
      ),
    );
  };
  return (
    <section className="space-y-2" aria-labelledby="import-title">
      <h2 id="import-title" className="text-base font-semibold">
        {t('import.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('import.help')}</p>
      <input
        type="file"
        aria-label={t('import.file')}
        accept=".csv,.vcf,.vcard,text/csv,text/vcard"
        disabled={progress !== undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after fixing it) imports again.
          e.target.value = '';
          if (file) void load(file);
        }}
        className="block text-sm"
      />
      {progress && (
        <ProgressLine
          progress={progress}
          text={t('import.progress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
          onCancel={cancel}
        />
      )}
      {done && (
        <p role="status" className="text-sm text-slate-600">
          {done}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
