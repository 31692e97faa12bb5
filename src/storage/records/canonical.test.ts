import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEmail, canonicalHandle, canonicalProfileUrl } from './canonical';

describe('canonicalEmail', () => {
  it.each([
    ['Ana.Lima@Example.COM', 'ana.lima@example.com'],
    ['  ana@example.com  ', 'ana@example.com'],
    ['mailto:ana@example.com', 'ana@example.com'],
    ['ana+crm@example.com', 'ana+crm@example.com'], // no plus-tag folding
    ['a.n.a@gmail.com', 'a.n.a@gmail.com'], // no provider-specific dot folding
    ['jürgen@bücher.de', 'jürgen@xn--bcher-kva.de'],
    ['jurgen@xn--bcher-kva.de', 'jurgen@xn--bcher-kva.de'],
    ['ana\u200b@example.com', 'ana@example.com'], // a zero-width space is not part of an address
    ['ana@exa\u202Emple.com', 'ana@example.com'],
    ['Ame\u0301lie@example.com', 'amélie@example.com'], // NFC
  ])('%j → %j', (raw, canonical) => {
    expect(canonicalEmail(raw)).toBe(canonical);
  });

  it.each([
    '',
    'ana',
    '@example.com',
    'ana@',
    'ana@localhost',
    'a b@example.com',
    '"a b"@example.com',
    'ana@@example.com',
    'ana..lima@example.com',
    `${'a'.repeat(65)}@example.com`,
    'ana@exa mple.com',
  ])('rejects %j', (raw) => {
    expect(canonicalEmail(raw)).toBeNull();
  });

  it('is idempotent and ignores the case of the domain', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = canonicalEmail(email);
        if (once === null) return;
        expect(canonicalEmail(once)).toBe(once);
        const [local, domain] = [email.slice(0, email.lastIndexOf('@')), email.slice(email.lastIndexOf('@') + 1)];
        expect(canonicalEmail(`${local}@${domain.toUpperCase()}`)).toBe(once);
      }),
    );
  });

  it('never changes when invisible characters are inserted', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.nat(), fc.constantFrom('\u200b', '\u200d', '\u202e', '\ufeff'), (email, at, ch) => {
        const i = at % (email.length + 1);
        expect(canonicalEmail(email.slice(0, i) + ch + email.slice(i))).toBe(canonicalEmail(email));
      }),
    );
  });
});

describe('handles and profile URLs', () => {
  it('folds X handles to lower case without @', () => {
    expect(canonicalHandle('@Ana_Lima')).toBe('ana_lima');
    expect(canonicalHandle('not a handle')).toBeNull();
  });

  it('keeps https profile URLs only, folding LinkedIn country hosts', () => {
    expect(canonicalProfileUrl('https://uk.linkedin.com/in/ana-lima/?trk=x#top')).toBe('https://www.linkedin.com/in/ana-lima');
    expect(canonicalProfileUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalProfileUrl('http://example.com/ana')).toBeNull();
  });
});
