import { parseAddress } from './address';
import { MAX_TEXT } from './caps';
import type { Correspondent, Role } from './schema';
import { cleanBounded, cleanName } from './text';

/** A raw field value, or candidates for it in order of trust: the first that cleans to text wins. */
type Raw = string | null | undefined;
type Candidates = Raw | readonly Raw[];

/** Candidates as a list, to extend with more fallbacks. */
export const asList = (candidates: Candidates): readonly Raw[] =>
  typeof candidates === 'string' || candidates == null ? [candidates] : candidates;

export interface ProfileFields {
  name?: Candidates;
  email?: Candidates;
  /** An X handle, already canonical (lower case, no `@`). Only the X parser sets it: storage reads it as an X identity. */
  handle?: string;
  /** Already checked by `httpsUrl`. */
  profileUrl?: string;
  headline?: Candidates;
  company?: Candidates;
  location?: Candidates;
  /** Already checked by `httpsUrl` against the site's image hosts. */
  avatarUrl?: Candidates;
}

function first<T>(candidates: Candidates, clean: (raw: string) => T | undefined): T | undefined {
  for (const raw of asList(candidates)) {
    const value = raw ? clean(raw) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** Headline, company and location: one line, at most MAX_TEXT graphemes and code units (the schema's limit). */
const cleanLine = (raw: string): string | undefined => cleanBounded(raw, MAX_TEXT, MAX_TEXT);

/**
 * One person (or organisation) shown on a profile page, every field cleaned and bounded; undefined
 * when nothing identifies them (no email, handle or profile URL).
 */
export function profileOf(fields: ProfileFields, role: Role = 'profile'): Correspondent | undefined {
  const email = first(fields.email, parseAddress);
  if (!email && !fields.handle && !fields.profileUrl) return undefined;
  const person: Correspondent = { role };
  const name = first(fields.name, cleanName);
  const headline = first(fields.headline, cleanLine);
  const company = first(fields.company, cleanLine);
  const location = first(fields.location, cleanLine);
  const avatarUrl = first(fields.avatarUrl, (url) => url);
  if (name) person.name = name;
  if (email) person.email = email;
  if (fields.handle) person.handle = fields.handle;
  if (fields.profileUrl) person.profileUrl = fields.profileUrl;
  if (headline) person.headline = headline;
  if (company) person.company = company;
  if (location) person.location = location;
  if (avatarUrl) person.avatarUrl = avatarUrl;
  return person;
}
