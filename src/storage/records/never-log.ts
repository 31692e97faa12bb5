import type { Correspondent } from '../../parsers/schema';
import { canonicalEmail } from './canonical';
import type { ClydeDB } from '../db';
import { t } from '../../i18n';

/**
 * Addresses and whole domains for which Clyde shows nothing and records nothing: personal mail,
 * colleagues inside the company. Kept on this device only and never synced: whom a user chooses
 * not to track is nobody else's business.
 */
export interface NeverLogEntry {
  /** Canonical address (`ana@example.com`) or domain (`example.com`). */
  value: string;
  kind: 'email' | 'domain';
  addedAt: number;
}

/** `Ana@Example.com` → the address; `@example.com` or `example.com` → the domain. Throws when neither. */
export function parseNeverLog(raw: string): Pick<NeverLogEntry, 'value' | 'kind'> {
  const s = raw.trim();
  if (s.includes('@') && !s.startsWith('@')) {
    const email = canonicalEmail(s);
    if (email) return { value: email, kind: 'email' };
  } else {
    // The domain half of a made-up address gets the same IDNA folding as real addresses.
    const domain = canonicalEmail(`x@${s.replace(/^@/, '')}`)?.split('@')[1];
    if (domain) return { value: domain, kind: 'domain' };
  }
  throw new Error(t('errors.notNeverLog', { raw }));
}

export async function addNeverLog(db: ClydeDB, raw: string): Promise<NeverLogEntry> {
  const entry = { ...parseNeverLog(raw), addedAt: Date.now() };
  await db.neverLog.put(entry);
  return entry;
}

export function removeNeverLog(db: ClydeDB, value: string) {
  return db.neverLog.delete(value);
}

export async function listNeverLog(db: ClydeDB): Promise<NeverLogEntry[]> {
  return (await db.neverLog.toArray()).sort((a, b) => a.value.localeCompare(b.value));
}

/** The list entry that covers this address: the address itself, its domain or a parent domain. */
export function coveringEntry(list: ReadonlySet<string>, email: string | undefined): string | undefined {
  const canonical = email && canonicalEmail(email);
  if (!canonical) return undefined;
  if (list.has(canonical)) return canonical;
  const labels = canonical.split('@')[1]!.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    if (list.has(domain)) return domain;
  }
  return undefined;
}

export async function neverLogSet(db: ClydeDB): Promise<Set<string>> {
  return new Set(await db.neverLog.toCollection().primaryKeys());
}

/** Throws before anything is created for someone on the never-log list. */
export async function assertLoggable(db: ClydeDB, c: Pick<Correspondent, 'email'>): Promise<void> {
  const entry = coveringEntry(await neverLogSet(db), c.email);
  if (entry) throw new Error(t('moreErrors.neverLogged', { email: c.email ?? '', entry }));
}
