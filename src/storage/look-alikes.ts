import { canonicalEmail } from './canonical';
import type { ClydeDB } from './db';
import { identitiesFor } from './identity';
import type { Person } from './schema';

export interface LookAlike {
  person: Person;
  reason: string;
}

const fold = (s: string | undefined) => (s ?? '').normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
const domainOf = (email: string) => canonicalEmail(email)?.split('@')[1];

/**
 * Other people who look like `person`, each with the reason, for the user to merge or dismiss.
 * Same name and company, or same name and email domain. A scan, not an index: it runs on a
 * click (clip, open a person), not on every page.
 */
export async function lookAlikes(db: ClydeDB, person: Person): Promise<LookAlike[]> {
  const name = fold(person.name);
  if (!name) return [];
  const company = fold(person.company);
  const domains = new Set((await identitiesFor(db, person.id)).filter((i) => i.kind === 'email').map((i) => domainOf(i.value)));
  const candidates = await db.people.filter((p) => p.id !== person.id && !p.deleted && fold(p.name) === name).toArray();
  const found: LookAlike[] = [];
  for (const other of candidates) {
    if (company && fold(other.company) === company) {
      found.push({ person: other, reason: `Same name and company (${other.company})` });
      continue;
    }
    const shared = (await identitiesFor(db, other.id)).find((i) => i.kind === 'email' && domains.has(domainOf(i.value)));
    if (shared) found.push({ person: other, reason: `Same name and email domain (${domainOf(shared.value)})` });
  }
  return found;
}
