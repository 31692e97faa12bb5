import type { ClydeDB } from '../storage/db';
import { canonicalProfileUrl } from '../storage/records/canonical';
import { writeRecord, writeTables } from '../storage/records/write';
import { COMPANY_ID_PREFIX } from '../storage/company-id';
import type { Company } from '../storage/schema';
import { linkPeopleAtDomain } from './by-email';
import { canonicalDomain, companyDomain, domainsOf } from './domains';
import { t } from '../i18n';

export interface CompanyFields {
  name: string;
  linkedinUrl?: string;
}

/** What a transaction writing a company and the people it gains must cover. */
const companyTables = (db: ClydeDB) => writeTables(db, db.companies, db.people, db.identities, db.neverLog);

function companyName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) throw new Error(t('errors.giveTheCompanyAName'));
  if (name.length > 400) throw new Error(t('errors.aCompanyNameIsAt'));
  return name;
}

/** The https form of a LinkedIn page; an empty text clears it. */
function linkedinPage(raw: string): string {
  if (!raw.trim()) return '';
  const url = canonicalProfileUrl(raw.trim());
  if (!url?.startsWith('https://www.linkedin.com/')) throw new Error(t('errors.notLinkedIn', { raw }));
  return url;
}

/**
 * Two live companies owning one domain would make linking by address a coin toss. A subdomain may
 * belong to another company (a subsidiary at eu.acme.com): the most specific domain wins.
 */
async function assertUnowned(db: ClydeDB, domain: string, selfId?: string): Promise<void> {
  const owner = (await db.companies.toArray()).find((c) => c.id !== selfId && !c.deleted && domainsOf(c).includes(domain));
  if (owner) throw new Error(t('moreErrors.domainTaken', { domain, owner: owner.name }));
}

/**
 * A new company, private to its author like every new record. Its domains link the people
 * already known at them (who work nowhere yet). A free-mail domain is refused: anyone has one.
 */
export async function createCompany(
  db: ClydeDB,
  { name, domains = [], linkedinUrl }: CompanyFields & { domains?: readonly string[] },
): Promise<Company> {
  const fields = { name: companyName(name), linkedinUrl: linkedinUrl === undefined ? undefined : linkedinPage(linkedinUrl) };
  const canonical = [...new Set(domains.map(companyDomain))];
  return db.transaction('rw', companyTables(db), async () => {
    for (const d of canonical) await assertUnowned(db, d);
    const id = `${COMPANY_ID_PREFIX}${crypto.randomUUID()}`;
    const company = await writeRecord(db, 'companies', id, { ...fields, domains: canonical.join(' ') || undefined }, { create: true });
    for (const d of canonical) await linkPeopleAtDomain(db, company, d);
    return company;
  });
}

async function liveCompany(db: ClydeDB, id: string): Promise<Company> {
  const company = await db.companies.get(id);
  if (!company || company.deleted) throw new Error(t('errors.thatCompanyNoLongerExists'));
  return company;
}

/** Renames a company or changes its LinkedIn page; domains change through `addDomain`/`removeDomain`. */
export async function updateCompany(db: ClydeDB, id: string, fields: Partial<CompanyFields>): Promise<Company> {
  const set = {
    name: fields.name === undefined ? undefined : companyName(fields.name),
    linkedinUrl: fields.linkedinUrl === undefined ? undefined : linkedinPage(fields.linkedinUrl),
  };
  return db.transaction('rw', companyTables(db), async () => {
    await liveCompany(db, id);
    return writeRecord(db, 'companies', id, set);
  });
}

/** Adds an email domain (canonical, lower case) and links the people already known at it. */
export async function addDomain(db: ClydeDB, id: string, raw: string): Promise<Company> {
  const domain = companyDomain(raw);
  return db.transaction('rw', companyTables(db), async () => {
    const company = await liveCompany(db, id);
    const domains = domainsOf(company);
    if (domains.includes(domain)) return company;
    await assertUnowned(db, domain, id);
    const next = await writeRecord(db, 'companies', id, { domains: [...domains, domain].join(' ') });
    await linkPeopleAtDomain(db, next, domain);
    return next;
  });
}

/**
 * Removes a domain. People linked through it stay linked: a link is something the user sees and
 * may have confirmed, and Clyde does not keep which links came from which domain.
 */
export async function removeDomain(db: ClydeDB, id: string, raw: string): Promise<Company> {
  return db.transaction('rw', companyTables(db), async () => {
    const company = await liveCompany(db, id);
    // Not `companyDomain`: a domain stored before the free-mail list knew it must still come off.
    const domain = canonicalDomain(raw) ?? raw.trim().toLowerCase();
    const domains = domainsOf(company);
    if (!domains.includes(domain)) return company;
    return writeRecord(db, 'companies', id, { domains: domains.filter((d) => d !== domain).join(' ') });
  });
}
