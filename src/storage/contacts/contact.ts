/**
 * One contact read from an address-book file (CSV or vCard), before it becomes a person. Plain
 * text as the file had it; import.ts checks, cuts and canonicalises it.
 */
export interface Contact {
  /** Where it was in the file, for the report: the CSV row (header is row 1) or the vCard's number. */
  at: string;
  name?: string;
  emails: string[];
  company?: string;
  /** Job title. */
  title?: string;
  phones: string[];
  /** Web addresses: a LinkedIn or X profile becomes an identity. */
  urls: string[];
  note?: string;
}

/** A file Clyde cannot read as contacts; the message says what is wrong and where. */
export class ContactsFileError extends Error {
  override name = 'ContactsFileError';
}

/** The file's text trimmed to something worth keeping, or undefined when there is nothing. */
export const clean = (s: string | undefined | null): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};
