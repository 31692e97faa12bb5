import { beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { addIdentityByUser, ensurePersonFor, linkToPerson } from './identity';
import { addNeverLog, coveringEntry, listNeverLog, parseNeverLog, removeNeverLog } from './never-log';
import { createPerson } from './people';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('never-log list', () => {
  it('takes addresses and domains in canonical form and explains anything else', () => {
    expect(parseNeverLog(' Ana@Example.COM ')).toEqual({ value: 'ana@example.com', kind: 'email' });
    expect(parseNeverLog('@Bücher.de')).toEqual({ value: 'xn--bcher-kva.de', kind: 'domain' });
    expect(parseNeverLog('example.com')).toEqual({ value: 'example.com', kind: 'domain' });
    for (const bad of ['', 'ana@', 'not a domain', 'localhost'])
      expect(() => parseNeverLog(bad)).toThrow('is not an email address or a domain');
  });

  it('covers an address by itself, its domain or a parent domain', () => {
    const list = new Set(['ana@example.com', 'corp.example']);
    expect(coveringEntry(list, 'ANA@example.com')).toBe('ana@example.com');
    expect(coveringEntry(list, 'bob@corp.example')).toBe('corp.example');
    expect(coveringEntry(list, 'bob@mail.corp.example')).toBe('corp.example');
    expect(coveringEntry(list, 'bob@example.com')).toBeUndefined();
    expect(coveringEntry(list, undefined)).toBeUndefined();
  });

  it('refuses to create a person, add an address or link a page for a never-logged address, and creates nothing', async () => {
    await addNeverLog(db, 'corp.example');
    await expect(ensurePersonFor(db, { email: 'boss@corp.example', role: 'from' })).rejects.toThrow('never-log list');
    const p = await createPerson(db, { name: 'Ana' });
    await expect(addIdentityByUser(db, p.id, 'email', 'ana@corp.example')).rejects.toThrow('never-log list');
    await expect(linkToPerson(db, p.id, { email: 'x@corp.example', role: 'from' })).rejects.toThrow('never-log list');
    expect(await db.people.count()).toBe(1);
    expect(await db.identities.count()).toBe(0);
    await removeNeverLog(db, 'corp.example');
    expect(await listNeverLog(db)).toEqual([]);
    await ensurePersonFor(db, { email: 'boss@corp.example', role: 'from' });
    expect(await db.people.count()).toBe(2);
  });

  it('links a page’s profile to a person the user picked', async () => {
    const p = await createPerson(db, { name: 'Ana' });
    const added = await linkToPerson(db, p.id, { handle: 'ana_lima', profileUrl: 'https://x.com/ana_lima', role: 'profile' });
    expect(added.map((i) => [i.kind, i.value])).toEqual([
      ['x', 'ana_lima'],
      ['url', 'https://x.com/ana_lima'],
    ]);
    await expect(linkToPerson(db, 'gone', { handle: 'ana_lima', role: 'profile' })).rejects.toThrow('no longer exists');
    await expect(addIdentityByUser(db, p.id, 'x', 'not a handle!')).rejects.toThrow('is not a valid X handle');
  });
});
