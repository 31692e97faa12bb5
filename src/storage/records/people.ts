import type { ClydeDB } from '../db';
import type { Person } from '../schema';
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
