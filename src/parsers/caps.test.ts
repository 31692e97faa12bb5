import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE, PAGE_CAPS, PERSON_CAPS, SELF_CAPS, THREAD_CAPS, withinCaps } from './caps';
import { finalize } from './finalize';
import { PageContextSchema, type Correspondent, type PageContext } from './schema';

const ana: Correspondent = { role: 'from', name: 'Ana Lima', email: 'ana@example.com' };
const base: PageContext = { site: 'gmail', view: 'thread', people: [ana], url: 'https://mail.google.com/mail/u/0/#inbox/1' };

/** A string of `n` code units that is otherwise valid where `field` is: a long https URL, a long address, or letters. */
function ofLength(field: string, n: number): string {
  if (field.endsWith('Url') || field === 'url') return `https://example.com/${'a'.repeat(n - 20)}`;
  if (field === 'email') return `${'a'.repeat(n - 12)}@example.com`;
  return 'a'.repeat(n);
}

/** `base` with one string field set: on the page, its `self`, its `thread` or its one person. */
function withField(where: 'page' | 'self' | 'thread' | 'person', field: string, value: string): PageContext {
  if (where === 'page') return { ...base, [field]: value };
  if (where === 'person') return { ...base, people: [{ ...ana, [field]: value }] };
  return { ...base, [where]: { [field]: value } };
}

const TEXT_FIELDS = [
  ...Object.keys(PAGE_CAPS)
    .filter((f) => f !== 'view')
    .map((f) => ['page', f, PAGE_CAPS[f as keyof typeof PAGE_CAPS]] as const),
  ...Object.entries(SELF_CAPS).map(([f, cap]) => ['self', f, cap] as const),
  ...Object.entries(THREAD_CAPS).map(([f, cap]) => ['thread', f, cap] as const),
  ...Object.entries(PERSON_CAPS)
    .filter(([f]) => f !== 'role')
    .map(([f, cap]) => ['person', f, cap] as const),
];

describe('withinCaps, what the content scripts check', () => {
  it('passes a context the schema accepts', () => {
    expect(PageContextSchema.safeParse(base).success).toBe(true);
    expect(withinCaps(base)).toBe(true);
    expect(finalize(base)).toBe(base);
  });

  it.each(TEXT_FIELDS)('%s.%s: up to its cap (%i code units) passes, one more fails, as in the schema', (where, field, cap) => {
    const at = withField(where, field, ofLength(field, cap));
    const over = withField(where, field, ofLength(field, cap + 1));
    expect(withinCaps(at)).toBe(true);
    expect(withinCaps(over)).toBe(false);
    expect(finalize(over)).toBeNull();
    // The schema is built from the same caps: it draws the line at the same length.
    expect(PageContextSchema.safeParse(at).success).toBe(true);
    expect(PageContextSchema.safeParse(over).success).toBe(false);
  });

  it(`refuses more than ${MAX_PEOPLE} people`, () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ role: 'to' as const, email: `p${i}@example.com` }));
    expect(withinCaps({ ...base, people: people(MAX_PEOPLE) })).toBe(true);
    expect(withinCaps({ ...base, people: people(MAX_PEOPLE + 1) })).toBe(false);
  });

  it('refuses a string under a name it has no cap for: it could be any length', () => {
    expect(withinCaps({ ...base, people: [{ ...ana, bio: 'x' } as Correspondent] })).toBe(false);
    expect(withinCaps({ ...base, note: 'x' } as PageContext)).toBe(false);
  });
});
