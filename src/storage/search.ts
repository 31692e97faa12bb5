import type { ClydeDB } from './db';
import type { Entity, Person } from './schema';
import type { WordRow } from './search-index';
import { foldText, matchesAll, queryTerms } from './search-words';

export interface SearchResult {
  /** `person` when the name, company or an address matched; otherwise what was written. */
  kind: 'person' | 'notes' | 'preferences' | 'tasks';
  id: string;
  person: Person;
  /** The matching text, shortened around the first match, for notes, facts and tasks. */
  snippet?: string;
  at: number;
}

/** How many rows one term reads per tier: bounds the cost of a very common word. */
const PERSON_ROWS = 300;
const CONTENT_ROWS = 300;

const termRange = (tier: 0 | 1, term: string) => [
  [tier, term, -Infinity],
  [tier, `${term}\uffff`, Infinity],
] as const;

/**
 * Prefix search over people, notes, facts and tasks through the word index: every term must
 * start a word, either in the record itself or in its person's name, company or addresses (so
 * "ana fair" finds Ana's note about the fair). People whose name or address matched come
 * first, then notes, facts and tasks, newest first. For a word in thousands of notes only the
 * newest few hundred are read: that is what a person searching wants, and it bounds the cost.
 */
export async function search(db: ClydeDB, query: string, limit = 20): Promise<SearchResult[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const perTerm = await Promise.all(
    terms.map(async (t) => {
      const [lo, hi] = termRange(1, t);
      const [clo, chi] = termRange(0, t);
      const [who, what] = await Promise.all([
        db.words.where('[tier+word+at]').between(lo, hi).limit(PERSON_ROWS).toArray(),
        db.words.where('[tier+word+at]').between(clo, chi).reverse().limit(CONTENT_ROWS).toArray(),
      ]);
      return { who, what };
    }),
  );

  // Which terms each person's own words (name, company, addresses) cover.
  const personTerms = new Map<string, Set<number>>();
  perTerm.forEach(({ who }, i) => {
    for (const row of who) {
      const set = personTerms.get(row.personId) ?? new Set<number>();
      set.add(i);
      personTerms.set(row.personId, set);
    }
  });
  const personHits = [...personTerms].filter(([, set]) => set.size === terms.length).map(([id]) => id);

  // Candidate notes, facts and tasks: any that matched a term; checked against all terms below.
  const candidates = new Map<string, WordRow>();
  for (const { what } of perTerm) for (const row of what) candidates.set(`${row.entity}\u0000${row.id}`, row);
  const byEntity = new Map<Entity, WordRow[]>();
  for (const row of candidates.values()) byEntity.set(row.entity, [...(byEntity.get(row.entity) ?? []), row]);

  const content: { row: WordRow; text: string }[] = [];
  for (const [entity, rows] of byEntity) {
    const records = await db.table(entity).bulkGet(rows.map((r) => r.id));
    rows.forEach((row, i) => {
      const r = records[i] as Record<string, unknown> | undefined;
      if (!r || r.deleted) return;
      const text = entity === 'notes' ? String(r.body) : entity === 'tasks' ? String(r.title) : [r.key, r.value].filter(Boolean).join(': ');
      const own = personTerms.get(row.personId);
      const missing = terms.filter((_, t) => !own?.has(t));
      if (matchesAll(text, missing)) content.push({ row, text });
    });
  }

  const people = new Map<string, Person>();
  const ids = [...new Set([...personHits, ...content.map((c) => c.row.personId)])];
  (await db.people.bulkGet(ids)).forEach((p) => p && !p.deleted && people.set(p.id, p));

  const results: SearchResult[] = [];
  const ranked = personHits.filter((id) => people.has(id)).sort((a, b) => nameScore(people.get(b)!, terms) - nameScore(people.get(a)!, terms) || people.get(b)!.updatedAt - people.get(a)!.updatedAt);
  for (const id of ranked) results.push({ kind: 'person', id, person: people.get(id)!, at: people.get(id)!.updatedAt });
  content.sort((a, b) => b.row.at - a.row.at);
  for (const { row, text } of content) {
    const person = people.get(row.personId);
    if (person) results.push({ kind: row.entity as SearchResult['kind'], id: row.id, person, snippet: snippet(text, terms), at: row.at });
  }
  return results.slice(0, limit);
}

/** A whole-word match of a term in the name ranks above a prefix match. */
function nameScore(p: Person, terms: string[]): number {
  const words: string[] = foldText(p.name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.filter((t) => words.includes(t)).length * 2 + terms.filter((t) => words.some((w) => w.startsWith(t))).length;
}

/** About 120 characters around the first match, so the palette shows why it matched. */
export function snippet(text: string, terms: string[], width = 120): string {
  const folded = foldText(text);
  const at = Math.min(...terms.map((t) => folded.search(new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'))).filter((i) => i >= 0), text.length);
  const start = at === text.length || at < width / 3 ? 0 : at - Math.floor(width / 3);
  const cut = text.slice(start, start + width).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}`;
}
