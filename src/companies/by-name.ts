import type { ClydeDB } from '../storage/db';
import { foldText } from '../storage/search/search-words';
import { writeRecord } from '../storage/records/write';
import type { Company } from '../storage/schema';
import { mayLink } from './link-person';

/** "Grãos  do Sul, " and "GRAOS DO SUL" are one name: accents, case, punctuation and spacing folded. */
const nameKey = (name: string) => (foldText(name).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * The live company with exactly this name, folded; undefined when none has it, or when several
 * do (which one would be a guess: the user picks).
 */
export async function companyByName(db: ClydeDB, name: string): Promise<Company | undefined> {
  const key = nameKey(name);
  if (!key) return undefined;
  const same = (await db.companies.toArray()).filter((c) => !c.deleted && nameKey(c.name) === key);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * A clipped profile names where someone works: a person who works nowhere yet is linked to the
 * company of that name, if Clyde has one. It never creates a company; the panel offers that.
 * Inside the caller's transaction, which must cover `companies` and `people`.
 */
export async function linkByCompanyName(db: ClydeDB, personId: string, name: string | undefined): Promise<void> {
  if (!name) return;
  const person = await db.people.get(personId);
  if (!person || person.deleted || person.companyId) return;
  const company = await companyByName(db, name);
  if (company && mayLink(person, company)) await writeRecord(db, 'people', personId, { companyId: company.id });
}
