import { canonicalEmail } from '../records/canonical';
import type { ClydeDB } from '../db';
import { identitiesFor } from '../records/identity';
import { domainToUnicode, scriptWarning, confusableKey } from './confusables';
import type { Person } from '../schema';
import { wordsOf } from '../search/search-words';
import { wordRowsBetween } from '../search/word-groups';
import { t } from '../../i18n';

export interface LookAlike {
  person: Person;
  reason: string;
  /** Shown prominently: the names or domains may be an imitation rather than the same person. */
  warning?: string;
}

const fold = (s: string | undefined) => (s ?? '').normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
const shape = (s: string | undefined) => confusableKey(fold(s));
const domainOf = (email: string) => canonicalEmail(email)?.split('@')[1];

async function emailDomains(db: ClydeDB, personId: string): Promise<string[]> {
  const ids = await identitiesFor(db, personId);
  return [
    ...new Set(
      ids
        .filter((i) => i.kind === 'email')
        .map((i) => domainOf(i.value))
        .filter((d): d is string => !!d),
    ),
  ];
}

/**
 * Other people who look like `person`, each with the reason, for the user to merge or dismiss:
 * the same name and company, or the same name and email domain. Names or domains that only
 * look the same (a Cyrillic "а" in a Latin name, a punycode domain imitating another) are
 * suggested too, flagged with a warning: that is how impostors pass as someone you know.
 * Candidates come from the word index (people sharing the name's rarest word), so this is cheap
 * enough to run whenever a person is shown.
 */
export async function lookAlikes(db: ClydeDB, person: Person): Promise<LookAlike[]> {
  const name = fold(person.name);
  const words = [...new Set(wordsOf(name))];
  if (!name || words.length === 0) return [];
  // A look-alike has every word of the name, so the rarest word's people are all the candidates.
  // Reading only those keeps a common first name ("Maria", "Customer") from loading hundreds of
  // people every time someone is shown.
  const perWord = await Promise.all(
    words.map((w) => wordRowsBetween(db, [1, w, -Infinity], [1, w, Infinity], 500, (r) => r.entity === 'people')),
  );
  const rows = perWord.reduce((rarest, next) => (next.length < rarest.length ? next : rarest));
  const ids = [...new Set(rows.map((r) => r.personId))].filter((id) => id !== person.id);
  const candidates = (await db.people.bulkGet(ids)).filter((p): p is Person => !!p && !p.deleted && shape(p.name) === shape(name));
  if (candidates.length === 0) return [];
  const mine = await emailDomains(db, person.id);
  const company = fold(person.company);
  const found: LookAlike[] = [];
  for (const other of candidates) {
    const theirs = await emailDomains(db, other.id);
    const sameName = fold(other.name) === name;
    const nameWarning = sameName ? undefined : t('lookAlikes.why.spelled', { mine: person.name ?? '', theirs: other.name ?? '' });
    const warning = nameWarning ?? scriptWarning(other.name, theirs) ?? scriptWarning(person.name, mine);
    const sharedDomain = theirs.find((d) => mine.includes(d));
    const lookalikeDomain = theirs.find(
      (d) => !mine.includes(d) && mine.some((m) => confusableKey(domainToUnicode(m)) === confusableKey(domainToUnicode(d))),
    );
    const nameLabel = sameName ? t('lookAlikes.why.sameName') : t('lookAlikes.why.lookAlikeName');
    if (company && fold(other.company) === company)
      found.push({ person: other, reason: t('lookAlikes.why.company', { name: nameLabel, company: other.company ?? '' }), warning });
    else if (sharedDomain)
      found.push({
        person: other,
        reason: t('lookAlikes.why.domain', { name: nameLabel, domain: domainToUnicode(sharedDomain) }),
        warning,
      });
    else if (lookalikeDomain) {
      found.push({
        person: other,
        reason: t('lookAlikes.why.lookAlikeDomain', { name: nameLabel, domain: lookalikeDomain }),
        warning: warning ?? t('lookAlikes.why.domainImitates', { domain: lookalikeDomain, mine: mine.join(', ') }),
      });
    } else if (!sameName) found.push({ person: other, reason: nameLabel, warning });
  }
  return found;
}
