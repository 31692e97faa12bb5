import { cmp, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import type { ClydeDB } from '../db';
import { equalTo, EVERY_KEY } from '../key-ranges';
import type { WordKey, WordRow } from './search-index';
import { groupBy } from '../../group-by';

/**
 * The word rows of a bulk indexing (a team catch-up's queued pages), kept together per person.
 * A row per record costs the browser a put and an index entry per distinct word: for a 100k join
 * that alone took longer than the catch-up itself. A group holds every record about one person
 * from one indexing batch in one row, whose index `w` has each word once, so the same words cost
 * a fraction of the puts and index entries. Search reads groups beside the `words` rows and
 * takes from each group the records that match (`wordRowsBetween`).
 *
 * A record is in a group only until it is written again: every later write takes it out (the
 * middleware in search-index.ts calls `leaveGroups`, which finds it through the multi-entry index
 * `m`), so a group never holds words its record no longer has, and a deleted record's words
 * leave with it.
 */
export interface WordGroup {
  n?: number;
  personId: string;
  /** `memberKey` of each record in the group: how a write finds the group its record is in. */
  m: string[];
  /** Each `[tier, word]` of the records once, with the newest record's time. */
  w: WordKey[];
  rows: WordRow[];
}

export const memberKey = (entity: string, id: string): string => `${entity}\u0000${id}`;

function groupOf(personId: string, rows: WordRow[], n?: number): WordGroup {
  const newest = new Map<string, WordKey>();
  for (const row of rows) {
    for (const key of row.w) {
      const word = `${key[0]}\u0000${key[1]}`;
      const known = newest.get(word);
      if (!known || key[2] < known[2]) newest.set(word, key);
    }
  }
  return { ...(n === undefined ? {} : { n }), personId, m: rows.map((r) => memberKey(r.entity, r.id)), w: [...newest.values()], rows };
}

/** `rows` in groups, one per person. */
export function groupsOf(rows: WordRow[]): WordGroup[] {
  return [...groupBy(rows, (r) => r.personId)].map(([personId, list]) => groupOf(personId, list));
}

/** What becomes of `groups` once the records for which `leaving` holds are out: groups to put, and to delete. */
export function without(groups: readonly WordGroup[], leaving: (key: string) => boolean): { puts: WordGroup[]; drops: number[] } {
  const puts: WordGroup[] = [];
  const drops: number[] = [];
  const seen = new Set<number>();
  for (const g of groups) {
    // A multi-entry lookup answers a group once per matching key.
    if (seen.has(g.n!)) continue;
    seen.add(g.n!);
    const rows = g.rows.filter((r) => !leaving(memberKey(r.entity, r.id)));
    if (rows.length === g.rows.length) continue;
    if (rows.length) puts.push(groupOf(g.personId, rows, g.n));
    else drops.push(g.n!);
  }
  return { puts, drops };
}

/** Above this many records, a write looking for their groups reads them all instead of one lookup each. */
const SCAN_ABOVE = 2000;

/**
 * Word rows with a key in [lower, upper], from `words` and from the groups, in index order (each
 * by its first key in range), at most `limit`, each record once. Call inside a transaction that
 * covers both, or none.
 */
export async function wordRowsBetween(
  db: ClydeDB,
  lower: WordKey,
  upper: WordKey,
  limit: number,
  keep: (row: WordRow) => boolean = () => true,
): Promise<WordRow[]> {
  const [own, groups] = await Promise.all([
    db.words.where('w').between(lower, upper, true, true).filter(keep).limit(limit).toArray(),
    db.wordGroups.where('w').between(lower, upper, true, true).limit(limit).toArray(),
  ]);
  if (!groups.length) return own;
  const inRange = (k: WordKey) => cmp(k, lower) >= 0 && cmp(k, upper) <= 0;
  const found = new Map<string, [WordKey, WordRow]>();
  for (const row of [...own, ...groups.flatMap((g) => g.rows)]) {
    const first = row.w.filter(inRange).reduce<WordKey | undefined>((a, k) => (a === undefined || cmp(k, a) < 0 ? k : a), undefined);
    const key = memberKey(row.entity, row.id);
    if (first && keep(row) && !found.has(key)) found.set(key, [first, row]);
  }
  return [...found.values()]
    .sort((a, b) => cmp(a[0], b[0]))
    .slice(0, limit)
    .map(([, row]) => row);
}

/** Each transaction's last `leaveGroups`, which the next waits for (see `leaveGroups`). */
const leavingIn = new WeakMap<object, Promise<unknown>>();

/**
 * Takes records out of the word groups holding them (word-groups.ts): those with these member
 * keys, looked up one by one, or each for which the test holds, among all groups. One after the
 * other within a transaction: a page writes its people and their notes at once, and two reads of
 * the same group followed by two writes would each put back what the other took out.
 */
export function leaveGroups(groups: DBCoreTable, trans: DBCoreTransaction, leaving: string[] | ((key: string) => boolean)): Promise<void> {
  const mine = (leavingIn.get(trans) ?? Promise.resolve()).then(() => leaveGroupsNow(groups, trans, leaving));
  leavingIn.set(
    trans,
    mine.catch(() => undefined),
  );
  return mine;
}

async function leaveGroupsNow(
  groups: DBCoreTable,
  trans: DBCoreTransaction,
  leaving: string[] | ((key: string) => boolean),
): Promise<void> {
  const keys = typeof leaving === 'function' ? undefined : new Set(leaving);
  if (keys?.size === 0) return;
  const test = keys ? (key: string) => keys.has(key) : (leaving as (key: string) => boolean);
  // Most devices never joined a big team: one count saves a lookup per record.
  if ((keys?.size ?? 0) > 1 && (await groups.count({ trans, query: { index: groups.schema.primaryKey, range: EVERY_KEY } })) === 0) return;
  let holding: WordGroup[];
  if (!keys || keys.size > SCAN_ABOVE) {
    holding = (await groups.query({ trans, values: true, query: { index: groups.schema.primaryKey, range: EVERY_KEY } }))
      .result as WordGroup[];
  } else {
    const index = groups.schema.getIndexByKeyPath('m')!;
    const found = await Promise.all([...keys].map((key) => groups.query({ trans, values: true, query: { index, range: equalTo(key) } })));
    holding = found.flatMap((f) => f.result as WordGroup[]);
  }
  const { puts, drops } = without(holding, test);
  if (puts.length) await groups.mutate({ type: 'put', trans, values: puts });
  if (drops.length) await groups.mutate({ type: 'delete', trans, keys: drops });
}
