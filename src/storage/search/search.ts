import type { ClydeDB } from '../db';
import { isCompanyId } from '../company-id';
import type { Company, Opportunity, Person } from '../schema';
import type { WordKey, WordRow } from './search-index';
import { wordRowsBetween } from './word-groups';
import { foldText, queryTerms } from './search-words';

export interface PersonResult {
  /** `person` when the name, company or an address matched; otherwise what was written. */
  kind: 'person' | 'notes' | 'preferences' | 'tasks';
  id: string;
  person: Person;
  /** The matching text, shortened around the first match, for notes, facts and tasks. */
  snippet?: string;
  at: number;
}

export type SearchResult =
  | PersonResult
  | { kind: 'company'; id: string; company: Company; at: number }
  /** Found by its title, or its title and its company's name ("acme renewal"). */
  | { kind: 'opportunity'; id: string; opportunity: Opportunity; company?: Company; at: number };

/** A person, or something written about one: what a "pick a person" search keeps. */
export const isAboutPerson = (r: SearchResult): r is PersonResult => 'person' in r;

/** How many rows one term reads per tier: bounds the cost of a very common word. */
const PERSON_ROWS = 50;
const CONTENT_ROWS = 30;

const termRange = (tier: 0 | 1, term: string): [WordKey, WordKey] => [
  [tier, term, -Infinity],
  [tier, `${term}\uffff`, Infinity],
];

const atOf = (row: WordRow) => -(row.w[0]?.[2] ?? 0);

/**
 * Prefix search over people, companies, opportunities, notes, facts and tasks through the word
 * index: every term must start a word, either in the record itself or in whom it is about (so
 * "ana fair" finds Ana's note about the fair, "acme renewal" Acme's renewal). People whose name or
 * address matched come first, then companies by name or domain, opportunities by title, then
 * notes, facts and tasks, newest first. Deleted and merged records are never found. For a word in
 * thousands of notes only the newest few hundred are read: that is what a person searching wants,
 * and it bounds the cost.
 */
export async function search(db: ClydeDB, query: string, limit = 20): Promise<SearchResult[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  // One read transaction for every read: a consistent answer, and far fewer transactions.
  return db.transaction('r', [db.words, db.wordGroups, db.people, db.notes, db.preferences, db.tasks, db.companies, db.opportunities], () =>
    searchIn(db, terms, limit),
  );
}

async function searchIn(db: ClydeDB, terms: string[], limit: number): Promise<SearchResult[]> {
  const perTerm = await Promise.all(
    terms.map(async (t) => {
      const [lo, hi] = termRange(1, t);
      const [clo, chi] = termRange(0, t);
      // The whole word on its own first, then as a prefix if that left room: "77" must reach
      // notes saying "77" even when thousands say "7701". Forward reads are newest first.
      const [who, exact] = await Promise.all([
        wordRowsBetween(db, lo, hi, PERSON_ROWS),
        wordRowsBetween(db, [0, t, -Infinity], [0, t, Infinity], CONTENT_ROWS),
      ]);
      const what = exact.length < CONTENT_ROWS ? await wordRowsBetween(db, clo, chi, CONTENT_ROWS) : [];
      return { who, what: [...exact, ...what] };
    }),
  );

  // Everything checked from the index rows themselves (each carries all its record's words),
  // so only the records that make the answer are read.
  const startsAWord = (words: string[], t: string) => words.some((w) => w.startsWith(t));
  // Who someone or some company is: a person's name and addresses, a company's name and domains.
  const personWords = new Map<string, string[]>();
  const deals = new Map<string, WordRow>();
  for (const { who } of perTerm) {
    for (const row of who) {
      if (row.entity === 'opportunities') deals.set(row.id, row);
      if (row.entity !== 'people' && row.entity !== 'identities' && row.entity !== 'companies') continue;
      const words = personWords.get(row.personId) ?? [];
      for (const [tier, word] of row.w) if (tier === 1) words.push(word);
      personWords.set(row.personId, words);
    }
  }
  const subjectHits = [...personWords].filter(([, words]) => terms.every((t) => startsAWord(words, t))).map(([id]) => id);
  const personHits = subjectHits.filter((id) => !isCompanyId(id));
  const companyHits = subjectHits.filter(isCompanyId);
  // An opportunity: each term starts a word of its title or of its company's name and domains.
  const dealHits = [...deals.values()]
    .filter((row) =>
      terms.every(
        (t) =>
          startsAWord(
            row.w.map((k) => k[1]),
            t,
          ) || startsAWord(personWords.get(row.personId) ?? [], t),
      ),
    )
    .sort((a, b) => atOf(b) - atOf(a))
    .slice(0, limit);

  // Notes, facts and tasks: each term starts a word of the record or of its person's name.
  const matched = new Map<string, WordRow>();
  for (const { what } of perTerm) {
    for (const row of what) {
      const key = `${row.entity}\u0000${row.id}`;
      // A company's own notes have no person to show them under here (Home's company page lists
      // them), so they must not take the places of results that can be shown.
      if (matched.has(key) || isCompanyId(row.personId)) continue;
      const own = row.w.map((k) => k[1]);
      const theirs = personWords.get(row.personId) ?? [];
      if (terms.every((t) => startsAWord(own, t) || startsAWord(theirs, t))) matched.set(key, row);
    }
  }
  const newest = [...matched.values()].sort((a, b) => atOf(b) - atOf(a)).slice(0, limit);
  const records = await Promise.all(newest.map((row) => db.table(row.entity).get(row.id) as Promise<Record<string, unknown> | undefined>));

  const people = new Map<string, Person>();
  const ids = [...new Set([...personHits, ...newest.map((r) => r.personId)])];
  (await db.people.bulkGet(ids)).forEach((p) => p && !p.deleted && people.set(p.id, p));

  const results: SearchResult[] = [];
  const byName = personHits.filter((id) => people.has(id)).map((id) => people.get(id)!);
  byName.sort((a, b) => nameScore(b, terms) - nameScore(a, terms) || b.updatedAt - a.updatedAt);
  for (const person of byName) results.push({ kind: 'person', id: person.id, person, at: person.updatedAt });
  const companies = new Map<string, Company>();
  const companyIds = [...new Set([...companyHits, ...dealHits.map((row) => row.personId).filter(Boolean)])];
  (await db.companies.bulkGet(companyIds)).forEach((c) => c && !c.deleted && companies.set(c.id, c));
  const byCompanyName = companyHits.filter((id) => companies.has(id)).map((id) => companies.get(id)!);
  byCompanyName.sort((a, b) => nameScore(b, terms) - nameScore(a, terms) || b.updatedAt - a.updatedAt);
  for (const company of byCompanyName) results.push({ kind: 'company', id: company.id, company, at: company.updatedAt });
  for (const opportunity of await db.opportunities.bulkGet(dealHits.map((row) => row.id))) {
    if (!opportunity || opportunity.deleted) continue;
    const company = opportunity.companyId ? companies.get(opportunity.companyId) : undefined;
    results.push({ kind: 'opportunity', id: opportunity.id, opportunity, company, at: opportunity.updatedAt });
  }
  newest.forEach((row, i) => {
    const r = records[i];
    const person = people.get(row.personId);
    if (!r || r.deleted || !person) return;
    const text =
      row.entity === 'notes' ? String(r.body) : row.entity === 'tasks' ? String(r.title) : [r.key, r.value].filter(Boolean).join(': ');
    results.push({
      kind: row.entity as 'notes' | 'preferences' | 'tasks',
      id: row.id,
      person,
      snippet: snippet(text, terms),
      at: atOf(row),
    });
  });
  return results.slice(0, limit);
}

/** A whole-word match of a term in the name ranks above a prefix match. */
function nameScore(p: Pick<Person, 'name'>, terms: string[]): number {
  const words: string[] = foldText(p.name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.filter((t) => words.includes(t)).length * 2 + terms.filter((t) => words.some((w) => w.startsWith(t))).length;
}

/** About 120 characters around the first match, so the palette shows why it matched. */
function snippet(text: string, terms: string[], width = 120): string {
  const folded = foldText(text);
  const at = Math.min(
    ...terms
      .map((t) => folded.search(new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u')))
      .filter((i) => i >= 0),
    text.length,
  );
  const start = at === text.length || at < width / 3 ? 0 : at - Math.floor(width / 3);
  const cut = text
    .slice(start, start + width)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}`;
}
