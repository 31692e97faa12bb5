import type { ClydeDB } from '../storage/db';
import { coveringEntry, neverLogSet } from '../storage/records/never-log';
import { writeRecord } from '../storage/records/write';
import type { Company } from '../storage/schema';
import { covers, domainsOf, emailDomain } from './domains';
import { isFreeMailDomain } from './free-mail';
import { mayLink } from './link-person';

/**
 * Who owns a domain among these companies: the most specific domain wins (eu.acme.com over
 * acme.com), a live owner over one reached through a merge, and a merged company stands for the
 * company it was merged into. Deleted ones own nothing. Built once for many look-ups (an import).
 */
export function domainOwner(companies: readonly Company[]): (domain: string) => Company | undefined {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const live = (c: Company | undefined) => {
    // Bounded: a merge chain synced in a loop must not hang the panel.
    for (let hops = 0; c?.deleted && c.mergedInto && hops < 20; hops++) c = byId.get(c.mergedInto);
    return c && !c.deleted ? c : undefined;
  };
  return (domain) => {
    if (isFreeMailDomain(domain)) return undefined;
    const owners = companies.flatMap((c) => domainsOf(c).flatMap((d) => (covers(d, domain) ? [{ c, d }] : [])));
    owners.sort((a, b) => b.d.length - a.d.length || Number(a.c.deleted) - Number(b.c.deleted) || b.c.updatedAt - a.c.updatedAt);
    for (const { c } of owners) {
      const company = live(c);
      if (company) return company;
    }
    return undefined;
  };
}

/**
 * The company an address belongs to by its domain; undefined for a free or throwaway mail
 * provider, a domain no company has, or a company since deleted. Reads the companies (a few
 * hundred rows at most) rather than an index: the domains are one space-separated field.
 */
export async function companyByEmail(db: ClydeDB, email: string): Promise<Company | undefined> {
  const domain = emailDomain(email);
  if (!domain || isFreeMailDomain(domain)) return undefined;
  return domainOwner(await db.companies.toArray())(domain);
}

/**
 * A person who just gained this address and works nowhere yet is linked to the company owning
 * its domain. Never for a free-mail or never-log address, never over a link already there (the
 * user's or an earlier one). Runs inside the caller's transaction, which must cover `companies`,
 * `people` and `neverLog`.
 */
export async function linkByEmail(db: ClydeDB, personId: string, email: string): Promise<void> {
  const domain = emailDomain(email);
  if (!domain || isFreeMailDomain(domain)) return;
  if (coveringEntry(await neverLogSet(db), email)) return;
  const person = await db.people.get(personId);
  if (!person || person.deleted || person.companyId) return;
  const company = domainOwner(await db.companies.toArray())(domain);
  if (company && mayLink(person, company)) await writeRecord(db, 'people', personId, { companyId: company.id });
}

/**
 * A company that gains a domain gains the people Clyde already has at it who work nowhere yet:
 * one pass over the email addresses. Returns how many were linked. Inside the caller's
 * transaction (`people`, `identities`, `neverLog` and the write tables).
 */
export async function linkPeopleAtDomain(db: ClydeDB, company: Company, domain: string): Promise<number> {
  const neverLog = await neverLogSet(db);
  const personIds = new Set<string>();
  await db.identities
    .where('[kind+value]')
    .between(['email', ''], ['email', '\uffff'])
    .each((i) => {
      const at = i.value.split('@')[1];
      if (!i.deleted && at && covers(domain, at) && !coveringEntry(neverLog, i.value)) personIds.add(i.personId);
    });
  let linked = 0;
  for (const person of await db.people.bulkGet([...personIds])) {
    if (!person || person.deleted || person.companyId || !mayLink(person, company)) continue;
    await writeRecord(db, 'people', person.id, { companyId: company.id });
    linked++;
  }
  return linked;
}
