import providers from 'email-providers/all.json';

/**
 * Mail providers anyone can sign up with (gmail.com, gmx.de, uol.com.br…) and the best-known
 * throwaway ones (mailinator.com): an address there says nothing about where someone works.
 * The list is the `email-providers` package (about 8,800 domains, 44 kB gzipped), updated monthly
 * upstream; bump its pinned version to refresh it. Only extension pages and the background load
 * it, never a content script.
 */
const FREE = new Set<string>(providers);

/**
 * Exact match only: the list holds a few public suffixes ("com.ar", "co.cc"), so walking up to a
 * parent domain would call every company under them free mail.
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE.has(domain.trim().toLowerCase().replace(/\.$/, ''));
}
