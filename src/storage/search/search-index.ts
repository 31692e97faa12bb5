import Dexie, { cmp, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type Middleware, type Transaction } from 'dexie';
import type { ClydeDB } from '../db';
import { EVERY_KEY, RANGE } from '../key-ranges';
import type { Entity } from '../schema';
import { wordsOf } from './search-words';
import { leaveGroups, memberKey } from './word-groups';
import { noteWords, type Written, type WordsSeen } from './words-seen';

/**
 * The word index behind search: one row per record, whose multi-entry index `w` holds one
 * `[tier, word, at]` key per distinct word, kept in step with every write to the record tables
 * by a DBCore middleware. Being below the mutators, it also sees what they never touch: records
 * arriving by team sync, sign-out cleanup, imports. Local only, never synced; it can always be
 * rebuilt from the records. One row per record (not per word) keeps a write at one extra put.
 * A big catch-up's records are indexed in rows per person instead (word-groups.ts), which any
 * later write of a record leaves.
 */
export type WordKey = [tier: 0 | 1, word: string, minusAt: number];
export interface WordRow {
  entity: Entity;
  id: string;
  /**
   * Whom the record is about: a person or a company (`co-…`); a company and an opportunity are
   * about their company (none: empty), so a term may match an opportunity's company's name.
   */
  personId: string;
  /**
   * Tier 1 is who or what a record is (a person's name, company and addresses; a company's name
   * and domains; an opportunity's title), tier 0 what was written about them.
   * Minus the time (when a note happened, or when the record changed) so that within a word the
   * index runs newest first, and a forward `getAll` with a limit reads the newest few.
   */
  w: WordKey[];
}

/** What the v3 upgrade indexed: the record tables there were then. Companies came with v6, empty. */
const V3_INDEXED: readonly Entity[] = ['people', 'identities', 'notes', 'preferences', 'tasks'];
export const INDEXED: readonly Entity[] = [...V3_INDEXED, 'companies', 'opportunities'];
const isIndexed = (name: string): name is Entity => (INDEXED as readonly string[]).includes(name);

export type Row = Record<string, unknown> & { id: string; deleted?: boolean; updatedAt: number };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The fields `wordRowFor` reads, beside `id`. */
const WORD_FIELDS = [
  'deleted',
  'updatedAt',
  'occurredAt',
  'personId',
  'companyId',
  'name',
  'company',
  'headline',
  'location',
  'display',
  'value',
  'body',
  'domains',
  'title',
  'key',
] as const;

/** A record cut to what its words are made of: what a first join's copy in memory keeps (words-seen.ts). */
function wordFields(r: Written): Written {
  const out: Written = { id: r.id };
  for (const f of WORD_FIELDS) if (r[f] !== undefined) out[f] = r[f];
  return out;
}

/** Whom a record is about, as its word row says (`WordRow.personId`). */
export const aboutWhom = (entity: Entity, r: Row) =>
  entity === 'people' || entity === 'companies' ? r.id : entity === 'opportunities' ? str(r.companyId) : str(r.personId);

/** The index row a record should have: none once it is deleted or has nothing to find. */
export function wordRowFor(entity: Entity, r: Row): WordRow | undefined {
  if (r.deleted) return undefined;
  const personId = aboutWhom(entity, r);
  const tiers = new Map<string, 0 | 1>();
  const add = (text: string, tier: 0 | 1) => {
    for (const word of wordsOf(text)) if ((tiers.get(word) ?? -1) < tier) tiers.set(word, tier);
  };
  let at = r.updatedAt;
  if (entity === 'people') {
    add(`${str(r.name)} ${str(r.company)}`, 1);
    add(`${str(r.headline)} ${str(r.location)}`, 0);
  } else if (entity === 'identities') {
    add(`${str(r.display)} ${str(r.value)}`, 1);
    // The whole address is one word too, so "ana.lima@ex" narrows to her as it is typed.
    const whole = str(r.value).toLowerCase().slice(0, 200);
    if (whole) tiers.set(whole, 1);
  } else if (entity === 'notes') {
    add(str(r.body), 0);
    if (typeof r.occurredAt === 'number') at = r.occurredAt;
  } else if (entity === 'companies') {
    add(`${str(r.name)} ${str(r.domains)}`, 1);
    // Each label of a domain on its own, "com" included, so "acme.com" typed whole finds it too.
    for (const label of str(r.domains).split(/[\s.]+/)) if (label.length >= 2) tiers.set(label.slice(0, 40), 1);
  } else if (entity === 'opportunities') add(str(r.title), 1);
  else if (entity === 'preferences') add(`${str(r.key)} ${str(r.value)}`, 0);
  else add(str(r.title), 0);
  if (tiers.size === 0) return undefined;
  return { entity, id: r.id, personId, w: [...tiers].map(([word, tier]) => [tier, word, -at]) };
}

const recordRange = (entity: string, lower: unknown, upper: unknown): DBCoreKeyRange => ({
  type: RANGE,
  // [entity] sorts before every [entity, id], and [entity, []] after them (arrays sort after strings).
  lower: lower === undefined ? [entity] : [entity, lower],
  upper: upper === undefined ? [entity, []] : [entity, upper],
  lowerOpen: false,
  upperOpen: false,
});

/** Transactions whose record writes are indexed later, from `wordQueue` (see `deferWordIndex`). */
const deferred = new WeakSet<object>();

export interface WordQueueRow {
  n?: number;
  keys: [Entity, string][];
  /**
   * Written by another writer while rows waited here, which indexed these records as it wrote
   * them: nothing to index, but a first join's copies of them kept in memory are older (words-seen.ts).
   */
  indexed?: true;
  /** With `indexed`: a range of this table was deleted, its records unnamed; copies kept of any are read instead. */
  cleared?: Entity;
}

/**
 * Lets the current transaction write records without their index rows, and queues their keys in
 * `wordQueue` instead: one put per pull page rather than one per record. A browser pays for every
 * put and every index entry, and a team bootstrap is a hundred thousand of both; the people are
 * what the panel needs first, search can follow moments later (index-queued.ts). Deletes are still
 * indexed at once, so search never returns a record that is gone. Call inside a transaction that
 * covers `wordQueue`. With `seen`, the transaction's writes are kept in memory for the indexing
 * (words-seen.ts).
 */
export function deferWordIndex(db: ClydeDB, keys: [Entity, string][], seen?: WordsSeen): Promise<unknown> {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans) return Dexie.Promise.reject(new Error('deferWordIndex must run inside a transaction'));
  // Marked at once, so writes issued before the queue row is in are deferred too. Not an async
  // function: a caller may await it later, and an async function left running inside a Dexie
  // transaction can lose it (PrematureCommitError); Dexie's own promise cannot.
  deferred.add(trans);
  if (!keys.length) return Dexie.Promise.resolve();
  const row = db.wordQueue.add({ keys });
  return seen ? seen.watch(trans, row) : row;
}

/**
 * While records wait in `wordQueue`, a write indexed as it is made says so there (`indexed`), so a
 * first join's copy kept in memory of a record it wrote is known to be older (words-seen.ts). A new
 * record (an add) was in no page. Issued beside the write's own index rows: no round trip more.
 */
async function noteIndexed(down: DBCore, entity: Entity, req: Exclude<DBCoreMutateRequest, { type: 'add' }>): Promise<void> {
  const { trans } = req;
  const queue = down.table('wordQueue');
  if (!(await queue.count({ trans, query: { index: queue.schema.primaryKey, range: EVERY_KEY } }))) return;
  const ids = req.type === 'deleteRange' ? [] : req.type === 'delete' ? req.keys : (req.values as Row[]).map((v) => v.id);
  const row: WordQueueRow = { keys: ids.map((id) => [entity, id as string]), indexed: true };
  if (req.type === 'deleteRange') row.cleared = entity;
  await queue.mutate({ type: 'add', trans, values: [row] });
}

async function reindex(down: DBCore, entity: Entity, req: DBCoreMutateRequest, failures: number): Promise<void> {
  if (!deferred.has(req.trans)) {
    await Promise.all([req.type === 'add' || noteIndexed(down, entity, req), writeWords(down, entity, req)]);
    return;
  }
  if (req.type !== 'deleteRange') noteWords(entity, req, failures, wordFields);
  if (req.type !== 'put' && req.type !== 'add') await writeWords(down, entity, req);
}

/** A write's own index rows: made new, or gone, and its records out of any group. */
async function writeWords(down: DBCore, entity: Entity, req: DBCoreMutateRequest): Promise<void> {
  const { trans } = req;
  const words = down.table('words');
  if (req.type === 'deleteRange') {
    const [lower, upper] = [req.range.lower, req.range.upper];
    await words.mutate({ type: 'deleteRange', trans, range: recordRange(entity, lower, upper) });
    // Dexie's order of keys: a cleared table's bounds are the least and greatest keys, not strings.
    const ids = (id: string) => (lower === undefined || cmp(id, lower) >= 0) && (upper === undefined || cmp(id, upper) <= 0);
    return leaveGroups(down.table('wordGroups'), trans, (key) => key.startsWith(`${entity}\u0000`) && ids(key.slice(entity.length + 1)));
  }
  if (req.type === 'delete') {
    await words.mutate({ type: 'delete', trans, keys: req.keys.map((id) => [entity, id]) });
    return leaveGroups(
      down.table('wordGroups'),
      trans,
      req.keys.map((id) => memberKey(entity, id)),
    );
  }
  const rows: WordRow[] = [];
  const gone: [string, string][] = [];
  for (const v of req.values as Row[]) {
    const row = wordRowFor(entity, v);
    if (row) rows.push(row);
    else gone.push([entity, v.id]);
  }
  if (rows.length) await words.mutate({ type: 'put', trans, values: rows });
  if (req.type === 'add') return;
  if (gone.length) await words.mutate({ type: 'delete', trans, keys: gone });
  await leaveGroups(
    down.table('wordGroups'),
    trans,
    (req.values as Row[]).map((v) => memberKey(entity, v.id)),
  );
}

export const wordIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WordIndex',
  create: (down) => ({
    ...down,
    // Every read-write transaction over a record table also covers `words`, the groups and the
    // queue, so the record and its index rows commit or fail together.
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.some(isIndexed) ? [...new Set([...stores, 'words', 'wordGroups', 'wordQueue'])] : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (!isIndexed(name)) return table;
      return {
        ...table,
        mutate: async (req) => {
          const res = await table.mutate(req);
          await reindex(down, name, req, res.numFailures);
          return res;
        },
      };
    },
  }),
};

/** v3 upgrade: index every record already stored. Clears first, so running it twice is harmless. */
export async function buildWordIndex(tx: Transaction): Promise<void> {
  const words = tx.table<WordRow>('words');
  await words.clear();
  for (const entity of V3_INDEXED) {
    const batch: WordRow[] = [];
    await tx.table<Row>(entity).each((r) => {
      const row = wordRowFor(entity, r);
      if (row) batch.push(row);
    });
    await words.bulkPut(batch);
  }
}
