import type { ClydeDB } from './db';
import type { Person } from './schema';
import { deleteRecord, writeRecord } from './write';

export type PersonFields = Pick<Person, 'name' | 'company' | 'headline' | 'location' | 'avatarUrl'>;

export function createPerson(db: ClydeDB, fields: Partial<PersonFields> = {}): Promise<Person> {
  return writeRecord(db, 'people', crypto.randomUUID(), fields, { create: true });
}

export function updatePerson(db: ClydeDB, id: string, fields: Partial<PersonFields>): Promise<Person> {
  return writeRecord(db, 'people', id, fields);
}

export function deletePerson(db: ClydeDB, id: string) {
  return deleteRecord(db, 'people', id);
}

export async function getPerson(db: ClydeDB, id: string): Promise<Person | undefined> {
  const p = await db.people.get(id);
  return p && !p.deleted ? p : undefined;
}
