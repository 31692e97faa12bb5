import { beforeEach, describe, expect, it } from 'vitest';
import type { ClydeDB } from '../db';
import { freshClientDb } from '../../../test/support/db';
import { addIdentity } from '../records/identity';
import { lookAlikes } from './look-alikes';
import { domainToUnicode, mixesScripts, scriptWarning, confusableKey } from './confusables';
import { createPerson } from '../records/people';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const reasons = async (personId: string) => {
  const p = (await db.people.get(personId))!;
  return (await lookAlikes(db, p)).map((l) => ({ name: l.person.name, reason: l.reason, warned: !!l.warning }));
};

describe('look-alikes', () => {
  it('suggests the same name at the same company or email domain, with the reason, and nothing for a name alone', async () => {
    const a = await createPerson(db, { name: 'Ana Lima', company: 'Grãos' });
    await addIdentity(db, a.id, 'email', 'ana@graos.example');
    await createPerson(db, { name: 'ana  lima', company: 'grãos' });
    const c = await createPerson(db, { name: 'Ana Lima' });
    await addIdentity(db, c.id, 'email', 'alima@graos.example');
    await createPerson(db, { name: 'Ana Lima', company: 'Other' });
    expect(await reasons(a.id)).toEqual(
      expect.arrayContaining([
        { name: 'ana  lima', reason: 'Same name and company (grãos)', warned: false },
        { name: 'Ana Lima', reason: 'Same name and email domain (graos.example)', warned: false },
      ]),
    );
    expect(await reasons(a.id)).toHaveLength(2);
  });

  it('flags a name spelled with Cyrillic look-alike letters, and a punycode domain imitating another', async () => {
    const a = await createPerson(db, { name: 'Anna Smith' });
    await addIdentity(db, a.id, 'email', 'anna@apple.example');
    await createPerson(db, { name: 'Аnna Smith' }); // Cyrillic А
    const d = await createPerson(db, { name: 'Anna Smith' });
    await addIdentity(db, d.id, 'email', 'anna@аpple.example'); // Cyrillic а in the domain
    const found = await reasons(a.id);
    expect(found).toEqual(
      expect.arrayContaining([
        { name: 'Аnna Smith', reason: 'Look-alike name', warned: true },
        { name: 'Anna Smith', reason: expect.stringContaining('look-alike email domain (xn--'), warned: true },
      ]),
    );
  });

  it('detects mixed scripts within a word, not across words', () => {
    expect(mixesScripts('Аnna')).toBe(true);
    expect(mixesScripts('Анна Smith')).toBe(false);
    expect(confusableKey('Аnna')).toBe(confusableKey('Anna'));
    expect(scriptWarning('Jоhn')).toContain('mixes alphabets');
    expect(scriptWarning('John', ['xn--pple-43d.com'])).toContain('non-Latin');
    expect(scriptWarning('John', ['apple.com'])).toBeUndefined();
  });

  it('reads a domain as a person sees it, and keeps a label that is not valid Punycode as it is', () => {
    expect(domainToUnicode('xn--pple-43d.com')).toBe('\u0430pple.com');
    expect(confusableKey(domainToUnicode('xn--pple-43d.com'))).toBe(confusableKey('apple.com'));
    expect(domainToUnicode('mail.xn--mnchen-3ya.de')).toBe('mail.münchen.de');
    expect(domainToUnicode('xn--99999999999999.com')).toBe('xn--99999999999999.com');
    expect(domainToUnicode('example.com')).toBe('example.com');
  });
});
