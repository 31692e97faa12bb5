import { linkByCompanyName } from '../../companies/by-name';
import { linkByEmail } from '../../companies/by-email';
import type { Correspondent } from '../../parsers/schema';
import { canonicalIdentity } from './canonical';
import type { ClydeDB } from '../db';
import { addIdentity, identityTables } from './identity';
import { findPersonForCorrespondent, identitiesOf } from './identity-lookup';
import { addNote } from './notes';
import { createPerson, updatePerson, type PersonFields } from './people';
import type { Person } from '../schema';

const FIELDS = { name: 'name', headline: 'headline', company: 'company', location: 'location', avatarUrl: 'photo' } as const;

export interface ClipResult {
  person: Person;
  created: boolean;
  /** What changed since the last clip, as shown in the dated note. */
  changes: string[];
}

/**
 * Stores what a profile shows into the person it belongs to: a new person, or the one already
 * matched by any of its identities. Re-clipping updates changed fields and keeps a dated note
 * of what changed, so nothing the profile said before is lost. A person who works nowhere yet is
 * linked to the company the profile names, if Clyde has it. Only ever started by the user.
 */
export function clipProfile(db: ClydeDB, c: Correspondent, source: { site: string; url: string }): Promise<ClipResult> {
  return db.transaction('rw', [...identityTables(db), db.notes], async () => {
    const fields: Partial<PersonFields> = {
      name: c.name,
      headline: c.headline,
      company: c.company,
      location: c.location,
      avatarUrl: c.avatarUrl,
    };
    const known = await findPersonForCorrespondent(db, c);
    const person = known ?? (await createPerson(db, fields));
    for (const { kind, display } of identitiesOf(c)) {
      if (canonicalIdentity(kind, display)) await addIdentity(db, person.id, kind, display);
    }
    const changes: string[] = [];
    const update: Partial<PersonFields> = {};
    if (known) {
      for (const [field, label] of Object.entries(FIELDS) as [keyof PersonFields, string][]) {
        const next = fields[field];
        if (!next || next === known[field]) continue;
        update[field] = next;
        changes.push(known[field] ? `${label}: “${known[field]}” → “${next}”` : `${label}: “${next}”`);
      }
    }
    if (changes.length) await updatePerson(db, person.id, update);
    // Where they work: by address first (a company's own domain is the surer sign), then by the
    // company the profile names. Only ever an existing company; the panel offers to create one.
    if (c.email) await linkByEmail(db, person.id, c.email);
    await linkByCompanyName(db, person.id, c.company);
    const updated = (await db.people.get(person.id)) ?? person;
    const where = `${source.site === 'x' ? 'X' : source.site === 'linkedin' ? 'LinkedIn' : source.site}`;
    const body = !known ? `Clipped from ${where}.` : changes.length ? `Updated from ${where}: ${changes.join('; ')}.` : undefined;
    if (body) await addNote(db, person.id, { body, kind: 'clip', sourceUrl: source.url });
    return { person: updated, created: !known, changes };
  });
}
