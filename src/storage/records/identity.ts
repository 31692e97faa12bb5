import { linkByEmail } from '../../companies/by-email';
import type { Correspondent } from '../../parsers/schema';
import { canonicalIdentity, identityId } from './canonical';
import { findPersonForCorrespondent, identitiesOf } from './identity-lookup';
import type { ClydeDB } from '../db';
import { assertLoggable } from './never-log';
import { addNote } from './notes';
import { createPerson } from './people';
import type { Identity, IdentityKind, Person } from '../schema';
import { deleteRecord, writeRecord, writeTables } from './write';
import { t } from '../../i18n';

/**
 * What a transaction adding someone's addresses must cover: a new address may link its person to
 * the company owning its domain (companies/by-email.ts), unless it is on the never-log list.
 */
export const identityTables = (db: ClydeDB) => writeTables(db, db.people, db.identities, db.neverLog, db.companies);

/** Attaches an identity to a person. Throws a readable error when the value is not valid for its kind. */
export async function addIdentity(db: ClydeDB, personId: string, kind: IdentityKind, display: string): Promise<Identity> {
  const value = canonicalIdentity(kind, display);
  if (!value)
    throw new Error(
      kind === 'email'
        ? t('errors.notEmail', { display })
        : kind === 'x'
          ? t('errors.notXHandle', { display })
          : t('errors.notProfileUrl', { display }),
    );
  const id = identityId(personId, kind, value);
  const exists = await db.identities.get(id);
  return writeRecord(db, 'identities', id, { personId, kind, value, display, deleted: false }, { create: !exists });
}

/** The panel's "add an address": like `addIdentity`, but an address on the never-log list is refused. */
export async function addIdentityByUser(db: ClydeDB, personId: string, kind: IdentityKind, display: string): Promise<Identity> {
  if (!display.trim()) throw new Error(t('errors.typeTheAddressHandleOr'));
  return db.transaction('rw', identityTables(db), async () => {
    if (kind === 'email') await assertLoggable(db, { email: display });
    const identity = await addIdentity(db, personId, kind, display);
    if (kind === 'email') await linkByEmail(db, personId, display);
    return identity;
  });
}

/**
 * "Link to an existing person": the identities a page shows for someone Clyde does not know yet
 * are added to a person the user picked, so the page resolves to them from now on.
 */
export function linkToPerson(db: ClydeDB, personId: string, c: Correspondent): Promise<Identity[]> {
  return db.transaction('rw', identityTables(db), async () => {
    await assertLoggable(db, c);
    const person = await db.people.get(personId);
    if (!person || person.deleted) throw new Error(t('errors.thatPersonNoLongerExists'));
    const valid = identitiesOf(c).filter(({ kind, display }) => canonicalIdentity(kind, display));
    if (valid.length === 0) throw new Error(t('errors.thisPageShowsNoAddress'));
    const added: Identity[] = [];
    for (const { kind, display } of valid) added.push(await addIdentity(db, personId, kind, display));
    if (c.email) await linkByEmail(db, personId, c.email);
    return added;
  });
}

export function removeIdentity(db: ClydeDB, id: string) {
  return deleteRecord(db, 'identities', id);
}

export async function identitiesFor(db: ClydeDB, personId: string): Promise<Identity[]> {
  const rows = await db.identities.where('personId').equals(personId).toArray();
  return rows.filter((i) => !i.deleted);
}

/**
 * The person for this correspondent, created from what the page showed when Clyde has not met
 * them yet, unless they are on the never-log list. Runs in one transaction so two quick calls
 * cannot create the same person twice.
 */
export function ensurePersonFor(db: ClydeDB, c: Correspondent): Promise<Person> {
  return db.transaction('rw', identityTables(db), async () => {
    await assertLoggable(db, c);
    const known = await findPersonForCorrespondent(db, c);
    if (known) return known;
    const person = await createPerson(db, {
      name: c.name,
      company: c.company,
      headline: c.headline,
      location: c.location,
      avatarUrl: c.avatarUrl,
    });
    for (const { kind, display } of identitiesOf(c)) {
      if (canonicalIdentity(kind, display)) await addIdentity(db, person.id, kind, display);
    }
    if (c.email) await linkByEmail(db, person.id, c.email);
    return (await db.people.get(person.id)) ?? person;
  });
}

/**
 * The first note about someone Clyde has not met: the person (as `ensurePersonFor` makes them)
 * and the note in one transaction, so a note that fails to save leaves no person behind.
 */
export function ensurePersonWithNote(db: ClydeDB, c: Correspondent, body: string): Promise<Person> {
  return db.transaction('rw', [...identityTables(db), db.notes], async () => {
    const person = await ensurePersonFor(db, c);
    await addNote(db, person.id, { body });
    return person;
  });
}
