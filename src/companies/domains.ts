import { canonicalEmail } from '../storage/records/canonical';
import type { Company } from '../storage/schema';
import { isFreeMailDomain } from './free-mail';
import { t } from '../i18n';

/**
 * `Acme.COM`, `@acme.com`, `https://www.acme.com/about` → `acme.com`; `bücher.de` → its A-label,
 * the form canonical addresses carry, so a domain compares with the half after an address's "@".
 * Null when it is not a domain.
 */
export function canonicalDomain(raw: string): string | null {
  let s = raw.trim().replace(/^@/, '');
  if (/^https?:\/\//i.test(s) && URL.canParse(s)) s = new URL(s).hostname.replace(/^www\./, '');
  return canonicalEmail(`x@${s}`)?.split('@')[1] ?? null;
}

/** The domain of an address, canonical; undefined when it is not an address. */
export const emailDomain = (email: string) => canonicalEmail(email)?.split('@')[1];

/** A company's domains as a list (stored space-separated: synced fields are scalars). */
export const domainsOf = (company: Pick<Company, 'domains'>): string[] => company.domains?.split(' ').filter(Boolean) ?? [];

/** Does this company domain cover the address's domain: itself, or a subdomain (eu.acme.com)? */
export const covers = (companyDomain: string, domain: string) => domain === companyDomain || domain.endsWith(`.${companyDomain}`);

/**
 * Country second-level suffixes (co.uk, com.br, ne.jp…): a company domain covers its subdomains, so
 * one of these typed by mistake would claim a whole country's addresses.
 */
const SUFFIX = /^(co|com|net|org|gov|edu|ac|or|ne|go|gob|nic)\.[a-z]{2}$/;

/** The canonical domain, or a clear error for what cannot be a company's domain. */
export function companyDomain(raw: string): string {
  const domain = canonicalDomain(raw);
  if (!domain) throw new Error(t('errors.notADomain', { raw }));
  if (SUFFIX.test(domain)) throw new Error(t('moreErrors.sharedSuffix', { domain }));
  if (isFreeMailDomain(domain)) throw new Error(t('errors.freeMailDomain', { domain }));
  return domain;
}
