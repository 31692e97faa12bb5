import ICAL from 'ical.js';
import Papa from 'papaparse';
import type { ClydeDB } from '../db';
import { groupBy } from '../../group-by';
import { progressOf, yieldToPage, type LongWork } from '../progress';
import type { Contact } from './contact';

/**
 * The people Clyde keeps, as address-book contacts: name, company, job title, email addresses,
 * phone numbers (facts keyed "phone") and LinkedIn/X profiles. Notes, facts and tasks stay in the
 * full JSON export; an address book has no place for them. Merged and deleted people are left out.
 */
export async function contactsOf(db: ClydeDB): Promise<Contact[]> {
  const [people, identities, phones] = await db.transaction('r', [db.people, db.identities, db.preferences], () =>
    Promise.all([
      db.people.filter((p) => !p.deleted && !p.mergedInto).toArray(),
      db.identities.filter((i) => !i.deleted).toArray(),
      db.preferences.filter((f) => !f.deleted && f.key.toLowerCase() === 'phone').toArray(),
    ]),
  );
  // Grouped once: filtering every list per person grows with the square of the address book.
  const idsOf = groupBy(identities, (i) => i.personId);
  const phonesOf = groupBy(phones, (f) => f.personId);
  return people
    .map((p): Contact => {
      const ids = idsOf.get(p.id) ?? [];
      return {
        at: p.id,
        name: p.name,
        emails: ids.filter((i) => i.kind === 'email').map((i) => i.value),
        company: p.company,
        title: p.headline,
        phones: (phonesOf.get(p.id) ?? []).map((f) => f.value),
        urls: ids.flatMap((i) => (i.kind === 'linkedin' ? [i.value] : i.kind === 'x' ? [`https://x.com/${i.value}`] : [])),
      };
    })
    .sort((a, b) => (a.name ?? a.emails[0] ?? '').localeCompare(b.name ?? b.emails[0] ?? ''));
}

/** Contacts written between two progress reports while a vCard file is made. */
const VCARD_SLICE = 250;

/**
 * The address-book file for `contacts`. vCard is written a slice at a time, reporting progress and
 * giving the page its turn between slices: ical.js takes about 2 s for 20,000 contacts here. CSV
 * takes a twentieth of that and is written at once. A cancel throws before anything is returned.
 */
export async function contactsFile(contacts: readonly Contact[], format: 'vcard' | 'csv', work: LongWork = {}): Promise<string> {
  const progress = progressOf(contacts.length, work);
  if (format === 'csv') {
    const csv = contactsToCsv(contacts);
    progress.tick(contacts.length);
    return csv;
  }
  const cards: string[] = [];
  for (let at = 0; at < contacts.length; at += VCARD_SLICE) {
    const slice = contacts.slice(at, at + VCARD_SLICE);
    cards.push(contactsToVcard(slice));
    progress.tick(slice.length);
    await yieldToPage();
  }
  work.signal?.throwIfAborted();
  return cards.join('\r\n');
}

/** vCard 3.0, which every address book imports. The structured name guesses family = last word. */
export function contactsToVcard(contacts: readonly Contact[]): string {
  return contacts
    .map((c) => {
      const card = new ICAL.Component('vcard');
      const add = (name: string, value: string | string[]) => {
        const prop = new ICAL.Property(name);
        prop.setValue(value);
        card.addProperty(prop);
      };
      const name = c.name ?? c.emails[0] ?? '';
      const words = (c.name ?? '').split(' ');
      add('version', '3.0');
      add('fn', name);
      add('n', words.length > 1 ? [words.at(-1)!, words.slice(0, -1).join(' '), '', '', ''] : ['', c.name ?? '', '', '', '']);
      if (c.company) add('org', [c.company]);
      if (c.title) add('title', c.title);
      for (const e of c.emails) add('email', e);
      for (const t of c.phones) add('tel', t);
      for (const u of c.urls) add('url', u);
      return card.toString();
    })
    .join('\r\n');
}

/**
 * A cell a spreadsheet would run as a formula ("=HYPERLINK(…)" in a name a page gave) gets a
 * leading quote mark. `+` and `-` start formulas too, but also phone numbers (one, or several
 * joined by " ::: "): a cell of digits and phone punctuation only calls no function and stays.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s().:+-]*$))/;

/** CSV with Google Contacts' headers (several values in a cell joined by " ::: "), which Clyde reads back too. */
export function contactsToCsv(contacts: readonly Contact[]): string {
  const several = (v: readonly string[]) => v.join(' ::: ');
  return Papa.unparse(
    {
      fields: ['Name', 'E-mail 1 - Value', 'Organization Name', 'Organization Title', 'Phone 1 - Value', 'Website 1 - Value'],
      data: contacts.map((c) => [c.name ?? '', several(c.emails), c.company ?? '', c.title ?? '', several(c.phones), several(c.urls)]),
    },
    { escapeFormulae: FORMULA },
  );
}
