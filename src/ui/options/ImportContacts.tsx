import { useState } from 'react';
import { ContactsFileError } from '../../storage/contacts/contact';
import { importContacts, MAX_FILE_BYTES, readContactsFile, type ImportReport } from '../../storage/contacts/import';
import { db } from '../../storage/db';
import { count } from '../count';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';

const SKIPS_LISTED = 5;

/** "Added 3 people. 1 was already in Clyde. Skipped 1: row 4 (no name, email or profile)." */
export function importSummary(r: ImportReport): string {
  const parts = [`Added ${count(r.added, 'person', 'people')}.`];
  if (r.known) parts.push(`${count(r.known, 'contact')} ${r.known === 1 ? 'was' : 'were'} already in Clyde.`);
  if (r.neverLogged) parts.push(`${count(r.neverLogged, 'contact')} on your never-log list left out.`);
  if (r.skipped.length) {
    const listed = r.skipped.slice(0, SKIPS_LISTED).map((s) => `${s.at} (${s.why})`);
    const more = r.skipped.length > SKIPS_LISTED ? ` and ${r.skipped.length - SKIPS_LISTED} more` : '';
    parts.push(`Skipped ${r.skipped.length}: ${listed.join(', ')}${more}.`);
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
  const [busy, setBusy] = useState(false);
  const load = async (file: File) => {
    setDone(undefined);
    setBusy(true);
    await run(async () => {
      if (file.size > MAX_FILE_BYTES)
        throw new ContactsFileError(`“${file.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it and import each part.`);
      setDone(importSummary(await importContacts(db, readContactsFile(file.name, await file.text()))));
    });
    setBusy(false);
  };
  return (
    <section className="space-y-2" aria-labelledby="import-title">
      <h2 id="import-title" className="text-base font-semibold">
        Import contacts
      </h2>
      <p className="text-sm text-slate-600">
        A CSV or vCard (.vcf) file from Google Contacts, Outlook, Apple Contacts or a phone. Each contact becomes a private person with
        their addresses, phone numbers and notes; anyone already in Clyde is left as they are.
      </p>
      <input
        type="file"
        aria-label="Contacts file (CSV or vCard)"
        accept=".csv,.vcf,.vcard,text/csv,text/vcard"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after fixing it) imports again.
          e.target.value = '';
          if (file) void load(file);
        }}
        className="block text-sm"
      />
      {busy && <p className="text-sm text-slate-600">Importing…</p>}
      {done && (
        <p role="status" className="text-sm text-slate-600">
          {done}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
