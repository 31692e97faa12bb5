import { canonicalAddress, parseAddress } from './address';
import { MAX_PEOPLE } from './caps';
import type { Correspondent, Role } from './schema';
import { cleanName } from './text';

/** Something on the page that may be a person; every field is still raw page data. */
export interface Candidate {
  email: string | null | undefined;
  name?: string | null;
  role: Role;
  /** Already checked by `httpsUrl`. */
  avatarUrl?: string;
}

/**
 * Who is signed in to a webmail page, as the Gmail and Outlook parsers read it (X knows the user
 * by a handle only, so its parser returns just that).
 */
export interface MailSelf {
  /** The mailbox being viewed, reported as `self.email`. */
  email?: string;
  /** Every address that is the user: the mailbox, the account, aliases and delegated mailboxes. */
  addresses: string[];
}

/** Canonical forms of the signed-in user's addresses (primary, aliases, delegated mailbox). */
export function selfKeys(addresses: Iterable<string | null | undefined>): Set<string> {
  const keys = new Set<string>();
  for (const address of addresses) {
    const key = canonicalAddress(address);
    if (key) keys.add(key);
  }
  return keys;
}

/** A name that is only an address repeats the email and adds nothing. */
function displayName(raw: string | null | undefined): string | undefined {
  const name = cleanName(raw);
  return name && !parseAddress(name) ? name : undefined;
}

/**
 * The people on a page, in the order callers add them (callers add the most relevant first).
 * Invalid addresses are skipped; so is the signed-in user, compared by canonical address and
 * never by the label "me", which Gmail localises. A repeat merges into the first entry, which
 * keeps its role and picks up a name or avatar it lacked. At most MAX_PEOPLE are kept.
 */
export class People {
  private readonly byKey = new Map<string, Correspondent>();

  constructor(private readonly self: ReadonlySet<string>) {}

  add(candidate: Candidate): void {
    const email = parseAddress(candidate.email);
    const key = canonicalAddress(candidate.email);
    if (!email || !key || this.self.has(key)) return;
    const name = displayName(candidate.name);
    const existing = this.byKey.get(key);
    if (existing) {
      if (!existing.name && name) existing.name = name;
      if (!existing.avatarUrl && candidate.avatarUrl) existing.avatarUrl = candidate.avatarUrl;
      return;
    }
    if (this.byKey.size >= MAX_PEOPLE) return;
    const person: Correspondent = { email, role: candidate.role };
    if (name) person.name = name;
    if (candidate.avatarUrl) person.avatarUrl = candidate.avatarUrl;
    this.byKey.set(key, person);
  }

  list(): Correspondent[] {
    return Array.from(this.byKey.values());
  }
}
