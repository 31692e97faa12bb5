import { describe, expect, it } from 'vitest';
import { canonicalAddress, findAddresses, parseAddress, parseMailbox, parseMailboxList } from './address';
import { isCcMarker, roleFromLabel } from './field-role';
import { cleanId, cleanName, cleanSubject, cleanText, truncateGraphemes } from './text';
import { httpsUrl } from './url';

const graphemeCount = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)).length;

describe('cleanText', () => {
  it.each([
    ['  Ana \n\t Lima  ', 'Ana Lima'],
    ['An\u200Ba Li\u2060ma\uFEFF', 'Ana Lima'],
    ['invoice\u202Egpj.exe\u202C', 'invoicegpj.exe'],
    ['\u2066Ana\u2069 \u200ELima\u200F', 'Ana Lima'],
    ['Ana\u00A0Lima\u3000Jr', 'Ana Lima Jr'],
    ['Ana\u0000Lima\u0085', 'Ana Lima'],
    ['tag\uDB40\uDC41\uDB40\uDC42 smuggling', 'tag smuggling'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['Ma\u200Dllory', 'Mallory'],
    ['\u200D\u200D', ''],
  ])('%j → %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('keeps the ZWJ inside emoji sequences', () => {
    expect(cleanText('Dev 👩🏽‍💻 👨‍👩‍👧 🏳️‍🌈')).toBe('Dev 👩🏽‍💻 👨‍👩‍👧 🏳️‍🌈');
  });

  it('leaves markup as literal text', () => {
    expect(cleanText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('truncateGraphemes', () => {
  it('never splits a grapheme', () => {
    expect(truncateGraphemes('🇵🇹🇧🇷🇦🇴', 2, 100)).toBe('🇵🇹🇧🇷');
    expect(truncateGraphemes('e\u0301e\u0301e\u0301', 2, 100)).toBe('e\u0301e\u0301');
    expect(truncateGraphemes('👩🏽‍💻👩🏽‍💻', 1, 100)).toBe('👩🏽‍💻');
  });

  it('respects the code-unit budget too, dropping a grapheme that does not fit', () => {
    expect(truncateGraphemes('ab👨‍👩‍👧', 10, 4)).toBe('ab');
    expect(truncateGraphemes(`a${'\u0301'.repeat(2000)}`, 200, 800)).toBe('');
  });
});

describe('cleanName and cleanSubject', () => {
  it('truncates a 10,000-character name to 200 graphemes', () => {
    const name = cleanName('Ana Lima '.repeat(1200));
    expect(graphemeCount(name ?? '')).toBeLessThanOrEqual(200);
    expect(name?.startsWith('Ana Lima Ana')).toBe(true);
  });

  it('bounds names made of long graphemes by code units as well', () => {
    const name = cleanName('👨‍👩‍👧‍👦'.repeat(300)) ?? '';
    expect(name.length).toBeLessThanOrEqual(800);
    expect(graphemeCount(name)).toBe(Math.floor(800 / '👨‍👩‍👧‍👦'.length));
  });

  it('returns undefined when nothing visible is left', () => {
    expect(cleanName('\u200B\u202E \u2060')).toBeUndefined();
    expect(cleanName(null)).toBeUndefined();
    expect(cleanSubject('')).toBeUndefined();
  });

  it('bounds subjects to the schema limit', () => {
    expect(cleanSubject('x'.repeat(5000))?.length).toBe(500);
  });
});

describe('cleanId', () => {
  it.each([
    ['198c6747aabb71a9', '198c6747aabb71a9'],
    ['thread-f:1840959905192440233', 'thread-f:1840959905192440233'],
    ['AAQkAGE1ZjM0/+ab=', 'AAQkAGE1ZjM0/+ab='],
    ['<b>', undefined],
    ['id with spaces', undefined],
    ['x'.repeat(201), undefined],
  ])('%j → %j', (raw, id) => {
    expect(cleanId(raw)).toBe(id);
  });
});

describe('addresses', () => {
  it.each([
    ['ana.lima@example.com', 'ana.lima@example.com'],
    [' Ana.Lima@Example.COM ', 'Ana.Lima@example.com'],
    ['<ana@example.com>', 'ana@example.com'],
    ['mailto:ana@example.com', 'ana@example.com'],
    ['a+tag@example.co.uk', 'a+tag@example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['josé@bücher.example', 'josé@bücher.example'],
    ['not-an-address', undefined],
    ['ana@@example.com', undefined],
    ['ana@localhost', undefined],
    ['ana@127.0.0.1', undefined],
    ['ana@[127.0.0.1]', undefined],
    ['a b@example.com', undefined],
    ['"a b"@example.com', undefined],
    ['.ana@example.com', undefined],
    ['ana..lima@example.com', undefined],
    ['ana@exa_mple.com', undefined],
    ['ana@-example.com', undefined],
    ['ana\u202E@example.com', undefined],
    ['javascript:alert(1)@example.com', undefined],
    [`${'x'.repeat(65)}@example.com`, undefined],
    [`a@${'b'.repeat(250)}.com`, undefined],
    ['', undefined],
  ])('parseAddress(%j) → %j', (raw, address) => {
    expect(parseAddress(raw)).toBe(address);
  });

  it('canonical form: NFC, lowercase, domain as A-labels, no provider folding', () => {
    expect(canonicalAddress('Ana.Lima@Example.COM')).toBe('ana.lima@example.com');
    expect(canonicalAddress('ana@bücher.de')).toBe(canonicalAddress('ana@xn--bcher-kva.de'));
    expect(canonicalAddress('jose\u0301@example.com')).toBe(canonicalAddress('josé@example.com'));
    expect(canonicalAddress('ana.lima+crm@gmail.com')).toBe('ana.lima+crm@gmail.com');
    expect(canonicalAddress('nonsense')).toBeUndefined();
  });

  it('parses mailboxes and lists of them', () => {
    expect(parseMailbox('Ana Lima <ana@example.com>')).toEqual({ name: 'Ana Lima', email: 'ana@example.com' });
    expect(parseMailbox('"Lima, Ana" <ana@example.com>')).toEqual({ name: 'Lima, Ana', email: 'ana@example.com' });
    expect(parseMailbox('ana@example.com')).toEqual({ email: 'ana@example.com' });
    expect(parseMailbox('Ana <nope>')).toBeUndefined();
    expect(parseMailboxList('"Lima, Ana" <ana@example.com>; bruno@example.org, junk, Carla <carla@example.net>')).toEqual([
      { name: 'Lima, Ana', email: 'ana@example.com' },
      { email: 'bruno@example.org' },
      { name: 'Carla', email: 'carla@example.net' },
    ]);
  });

  it('finds addresses inside labels', () => {
    expect(findAddresses('Google Account: Nadia Rep\n(nadia.rep@example.com)')).toEqual(['nadia.rep@example.com']);
    expect(findAddresses('Write to ana@example.com. Or bruno@example.org!')).toEqual(['ana@example.com', 'bruno@example.org']);
    expect(findAddresses('no address @ all')).toEqual([]);
  });
});

describe('httpsUrl', () => {
  it.each([
    ['https://lh3.googleusercontent.com/a/x=s40', 'https://lh3.googleusercontent.com/a/x=s40'],
    ['http://lh3.googleusercontent.com/a/x', undefined],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['  JaVaScRiPt:alert(1)', undefined],
    ['https://user:pw@example.com/', undefined],
    ['not a url', undefined],
  ])('%j → %j', (raw, url) => {
    expect(httpsUrl(raw)).toBe(url);
  });

  it('resolves relative URLs against the page and can restrict hosts', () => {
    expect(httpsUrl('/photo.png', new URL('https://mail.google.com/mail/u/0/'))).toBe('https://mail.google.com/photo.png');
    expect(httpsUrl('https://lh3.googleusercontent.com/a', undefined, ['googleusercontent.com'])).toBeDefined();
    expect(httpsUrl('https://googleusercontent.com.evil.example/a', undefined, ['googleusercontent.com'])).toBeUndefined();
  });
});

describe('field roles', () => {
  it.each([
    ['Cc', 'cc'],
    ['CC:', 'cc'],
    ['Bcc: Ana', 'cc'],
    ['抄送', 'cc'],
    ['To', 'to'],
    ['Accounting', 'to'],
    [undefined, 'to'],
  ] as const)('label %j → %s', (label, role) => {
    expect(roleFromLabel(label)).toBe(role);
  });

  it('recognises the Cc marker between recipients, not inside words', () => {
    expect(isCcMarker(', cc: ')).toBe(true);
    expect(isCcMarker(' Bcc: ')).toBe(true);
    expect(isCcMarker(', ')).toBe(false);
    expect(isCcMarker('Acc:')).toBe(false);
  });
});
