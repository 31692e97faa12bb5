import { cut } from '../../capture/quote';
import { domainOwner } from '../../companies/by-email';
import { canonicalEmail, canonicalHandle, canonicalProfileUrl } from '../records/canonical';
import type { ClydeDB } from '../db';
import { addIdentity } from '../records/identity';
import { findPersonByIdentity } from '../records/identity-lookup';
import { coveringEntry, neverLogSet } from '../records/never-log';
import { addNote } from '../records/notes';
import { createPerson } from '../records/people';
import { addPreference } from '../records/preferences';
import type { IdentityKind } from '../schema';
import { writeRecord, writeTables } from '../records/write';
import { progressOf, type LongWork } from '../progress';
import { ContactsFileError, type Contact } from './contact';
import { contactsFromCsv } from './csv';
import { contactsFromVcard } from './vcard';
import { formatNumber, t } from '../../i18n';

/** Bounds on one import: far above any address book, far below what would stall the browser. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_CONTACTS = 20_000;

/** The contacts in a file, read as vCard or CSV by its name (or, for vCard, its first line). */
export function readContactsFile(name: string, text: string): Contact[] {
  const vcard = /\.(vcf|vcard)$/i.test(name) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text);
  if (!vcard && !/\.(csv|txt)$/i.test(name)) throw new ContactsFileError(t('importErrors.notContacts', { name }));
  const contacts = vcard ? contactsFromVcard(text) : contactsFromCsv(text);
  if (contacts.length > MAX_CONTACTS)
    throw new ContactsFileError(t('importErrors.tooMany', { n: formatNumber(contacts.length), max: formatNumber(MAX_CONTACTS) }));
  return contacts;
}

export interface ImportReport {
  added: number;
  /** Contacts one of whose addresses or profiles already belongs to someone in Clyde. */
  known: number;
  /** Contacts with an address on the never-log list. */
  neverLogged: number;
  /** Contacts with nothing to know them by, or a field Clyde could not keep. */
  skipped: { at: string; why: string }[];
}

/** An optional field cut to the schema's bound: an address book's fields are unbounded. */
const bounded = (v: string | undefined, max: number) => (v === undefined ? undefined : cut(v, max));

/** A contact's web addresses that name a LinkedIn profile or an X account, as identities. */
function profilesOf(urls: readonly string[]): { kind: IdentityKind; display: string }[] {
  return urls.flatMap((raw): { kind: IdentityKind; display: string }[] => {
    const url = canonicalProfileUrl(raw);
    if (url && /^https:\/\/www\.linkedin\.com\/in\/[^/]+$/.test(url)) return [{ kind: 'linkedin', display: url }];
    const x = /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/([^/?#]+)/i.exec(raw.trim());
    const handle = x && canonicalHandle(x[1]!);
    return handle ? [{ kind: 'x', display: `@${handle}` }] : [];
  });
}

/**
 * Adds an address book's contacts as people, private to this user like everything they write:
 * name, company and job title; emails and LinkedIn/X profiles as addresses; phone numbers as facts;
 * the contact's notes as a note; linked to the company owning their email's domain, if Clyde has
 * one. Nothing merges silently: a contact Clyde already knows by one of its addresses (or, having
 * none, by its name) is left as it is and counted, so importing the same file twice adds no one
 * twice. One transaction: a failure, or a cancel through `work.signal`, imports nothing.
 */
export function importContacts(db: ClydeDB, contacts: readonly Contact[], work: LongWork = {}): Promise<ImportReport> {
  const report: ImportReport = { added: 0, known: 0, neverLogged: 0, skipped: [] };
  return db.transaction('rw', writeTables(db, db.people, db.identities, db.notes, db.preferences, db.neverLog, db.companies), async () => {
    const neverLog = await neverLogSet(db);
    // Read once for the whole file: a new person is linked to the company owning their domain.
    const ownerOf = domainOwner(await db.companies.toArray());
    // Someone with neither address nor profile is known by name alone; so is a re-imported one.
    const named = (n: string | undefined) => n?.toLocaleLowerCase();
    const names = new Set((await db.people.toArray()).filter((p) => !p.deleted).map((p) => named(p.name)));
    const progress = progressOf(contacts.length, work);
    const importOne = async (c: Contact) => {
      const emails = [...new Set(c.emails.map(canonicalEmail).filter((e): e is string => e !== null))];
      const ids = [...emails.map((e) => ({ kind: 'email' as const, display: e })), ...profilesOf(c.urls)];
      if (!c.name && ids.length === 0) {
        report.skipped.push({ at: c.at, why: c.emails.length ? t('importErrors.noValidEmail') : t('importErrors.nothing') });
        return;
      }
      if (emails.some((e) => coveringEntry(neverLog, e))) {
        report.neverLogged += 1;
        return;
      }
      let known = ids.length === 0 && names.has(named(c.name));
      for (const id of ids) known ||= (await findPersonByIdentity(db, id.kind, id.display)) !== undefined;
      if (known) {
        report.known += 1;
        return;
      }
      const person = await createPerson(db, {
        name: bounded(c.name, 400),
        company: bounded(c.company, 500),
        headline: bounded(c.title, 500),
      });
      names.add(named(person.name));
      for (const id of ids) await addIdentity(db, person.id, id.kind, id.display);
      const company = emails.map((e) => ownerOf(e.split('@')[1]!)).find((c) => c !== undefined);
      if (company) await writeRecord(db, 'people', person.id, { companyId: company.id });
      for (const phone of new Set(c.phones)) await addPreference(db, person.id, `phone: ${cut(phone, 200)}`);
      if (c.note) await addNote(db, person.id, { body: cut(c.note, 20_000), kind: 'note' });
      report.added += 1;
    };
    for (const c of contacts) {
      await importOne(c);
      progress.tick();
    }
    return report;
  });
}
