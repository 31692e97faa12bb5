import Papa from 'papaparse';
import { clean, ContactsFileError, type Contact } from './contact';
import { formatNumber, t } from '../../i18n';

/**
 * Contacts from a CSV export: Google Contacts ("First Name", "E-mail 1 - Value", "Organization
 * Name"…), Outlook ("E-mail Address", "Company", "Job Title"…) or any sheet with headers such as
 * "Name", "Email", "Company". Columns are recognised by their header, in any order; others are
 * ignored. Parsed by Papa Parse (quotes, embedded newlines, BOM, other delimiters).
 */

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** Google puts several values in one cell: "a@x.com ::: b@x.com". */
const several = (v: string) =>
  v
    .split(/\s*:::\s*|\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

const NAME = /^(name|full name|display name|contact name)$/;
const GIVEN = /^(first name|given name)$/;
const MIDDLE = /^(middle name|additional name)$/;
const FAMILY = /^(last name|family name|surname)$/;
// "Title" alone is Outlook's "Mr./Ms.", not a job.
const TITLE = /^(job title|organization( \d+)? title|position)$/;
const COMPANY = /^(company|organization|organisation|organization( \d+)? name|company name)$/;
const NOTE = /^(notes?|comments?)$/;
const LABEL = /\b(type|label|display name)\b/;
const EMAIL = /\be ?mail\b/;
const PHONE = /\b(phone|mobile|tel)\b/;
const URL_COLUMN = /\b(website|web page|url|linkedin|twitter)\b/;

export function contactsFromCsv(text: string): Contact[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // A quote left open swallows the rest of the file: refuse rather than import a garbled tail.
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new ContactsFileError(t('importErrors.csvQuote', { row: formatNumber((broken.row ?? 0) + 1) }));
  const [header, ...rows] = parsed.data;
  if (!header) throw new ContactsFileError(t('importErrors.csvEmpty'));
  const cols = header.map((h) => norm(h ?? ''));
  const find = (re: RegExp) => cols.findIndex((c) => re.test(c));
  const all = (re: RegExp) => cols.flatMap((c, i) => (re.test(c) && !LABEL.test(c) ? [i] : []));
  const name = find(NAME);
  const parts = [find(GIVEN), find(MIDDLE), find(FAMILY)];
  const emails = all(EMAIL);
  if (name < 0 && parts.every((p) => p < 0) && emails.length === 0) {
    throw new ContactsFileError(t('importErrors.csvColumns'));
  }
  const title = find(TITLE);
  const company = find(COMPANY);
  const note = find(NOTE);
  const phones = all(PHONE);
  const urls = all(URL_COLUMN);
  return rows.map((row, i) => {
    const cell = (c: number) => (c < 0 ? undefined : row[c]);
    return {
      at: t('importErrors.row', { n: formatNumber(i + 2) }),
      name: clean(cell(name)) ?? clean(parts.map((p) => cell(p) ?? '').join(' ')),
      emails: emails.flatMap((c) => several(cell(c) ?? '')),
      company: clean(cell(company)),
      title: clean(cell(title)),
      phones: phones.flatMap((c) => several(cell(c) ?? '')),
      urls: urls.flatMap((c) => several(cell(c) ?? '')),
      note: cell(note)?.trim() || undefined,
    };
  });
}
