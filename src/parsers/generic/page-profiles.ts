import { canonicalAddress } from '../address';
import { MAX_PEOPLE } from '../caps';
import type { Correspondent } from '../schema';

/** Fields a later mention of someone can fill in on the first (the first mention keeps its role and order). */
const FILLABLE = ['name', 'email', 'profileUrl', 'headline', 'company', 'location'] as const;

function keysOf(person: Correspondent): string[] {
  const keys: string[] = [];
  const email = canonicalAddress(person.email);
  if (email) keys.push(`email:${email}`);
  if (person.profileUrl) keys.push(`url:${person.profileUrl.replace(/[/#]+$/, '')}`);
  return keys;
}

/**
 * The people of a page, most relevant first. One person often appears several times (a JSON-LD
 * Person, a microdata item and a mailto link with the same address); a repeat, matched by
 * address or profile URL, fills in what the first mention lacked. At most MAX_PEOPLE are kept.
 */
export class PageProfiles {
  private readonly list: Correspondent[] = [];
  private readonly byKey = new Map<string, Correspondent>();

  add(person: Correspondent | undefined): void {
    if (!person) return;
    const keys = keysOf(person);
    const existing = keys.map((k) => this.byKey.get(k)).find((p) => p !== undefined);
    if (!existing && this.list.length >= MAX_PEOPLE) return;
    const target = existing ?? person;
    if (existing) for (const field of FILLABLE) existing[field] ??= person[field];
    else this.list.push(person);
    for (const key of [...keys, ...keysOf(target)]) if (!this.byKey.has(key)) this.byKey.set(key, target);
  }

  people(): Correspondent[] {
    return [...this.list];
  }
}
