import type { Correspondent } from '../../parsers/schema';
import { canonicalIdentity } from './canonical';
import type { ClydeDB } from '../db';
import type { IdentityKind, Person } from '../schema';

// Reading who someone is, apart from identity.ts's writes: the panel's first look needs only
// this, not what adding an address brings along (company links, the free-mail list, the write path).

/** The identities a correspondent carries, strongest first: an email beats a handle beats a URL. */
export function identitiesOf(c: Correspondent): { kind: IdentityKind; display: string }[] {
  const out: { kind: IdentityKind; display: string }[] = [];
  if (c.email) out.push({ kind: 'email', display: c.email });
  if (c.handle) out.push({ kind: 'x', display: c.handle });
  if (c.profileUrl) out.push({ kind: /linkedin\.com$/.test(new URL(c.profileUrl).hostname) ? 'linkedin' : 'url', display: c.profileUrl });
  return out;
}

/**
 * The live person an identity belongs to: one index read and a primary-key read, the sidebar's
 * hot path. If two people carry the identity (colleagues met them separately), the one most
 * recently changed is shown until someone merges them.
 */
export async function findPersonByIdentity(db: ClydeDB, kind: IdentityKind, raw: string): Promise<Person | undefined> {
  const value = canonicalIdentity(kind, raw);
  if (!value) return undefined;
  const identities = await db.identities.where('[kind+value]').equals([kind, value]).toArray();
  const people = await db.people.bulkGet(identities.filter((i) => !i.deleted).map((i) => i.personId));
  return people.filter((p): p is Person => p !== undefined && !p.deleted).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

export async function findPersonForCorrespondent(db: ClydeDB, c: Correspondent): Promise<Person | undefined> {
  for (const { kind, display } of identitiesOf(c)) {
    const person = await findPersonByIdentity(db, kind, display);
    if (person) return person;
  }
  return undefined;
}
