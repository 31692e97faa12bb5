import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware, Transaction } from 'dexie';
import type { Entity } from './schema';
import { wordsOf } from './search-words';

/**
 * The word index behind search: one row per record, whose multi-entry index `w` holds one
 * `[tier, word, at]` key per distinct word, kept in step with every write to the record tables
 * by a DBCore middleware. Being below the mutators, it also sees what they never touch: records
 * arriving by team sync, sign-out cleanup, imports. Local only, never synced; it can always be
 * rebuilt from the records. One row per record (not per word) keeps a write at one extra put.
 */
export type WordKey = [tier: 0 | 1, word: string, minusAt: number];
export interface WordRow {
  entity: Entity;
  id: string;
  personId: string;
  /**
   * Tier 1 is who someone is (name, company, addresses), tier 0 what was written about them.
   * Minus the time (when a note happened, or when the record changed) so that within a word the
   * index runs newest first, and a forward `getAll` with a limit reads the newest few.
   */
  w: WordKey[];
}

export const INDEXED: readonly Entity[] = ['people', 'identities', 'notes', 'preferences', 'tasks'];
const isIndexed = (name: string): name is Entity => (INDEXED as readonly string[]).includes(name);

type Row = Record<string, unknown> & { id: string; deleted?: boolean; updatedAt: number };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The index row a record should have: none once it is deleted or has nothing to find. */
export function wordRowFor(entity: Entity, r: Row): WordRow | undefined {
  if (r.deleted) return undefined;
  const personId = entity === 'people' ? r.id : str(r.personId);
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
  } else if (entity === 'preferences') add(`${str(r.key)} ${str(r.value)}`, 0);
  else add(str(r.title), 0);
  if (tiers.size === 0) return undefined;
  return { entity, id: r.id, personId, w: [...tiers].map(([word, tier]) => [tier, word, -at]) };
}

// DBCoreRangeType.Range; the enum is a `const enum` in Dexie's typings, unusable with isolatedModules.
const RANGE = 2 as DBCoreKeyRange['type'];
const recordRange = (entity: string, lower: unknown, upper: unknown): DBCoreKeyRange => ({
  type: RANGE,
  // [entity] sorts before every [entity, id], and [entity, []] after them (arrays sort after strings).
  lower: lower === undefined ? [entity] : [entity, lower],
  upper: upper === undefined ? [entity, []] : [entity, upper],
  lowerOpen: false,
  upperOpen: false,
});

async function reindex(words: DBCoreTable, entity: Entity, req: DBCoreMutateRequest): Promise<void> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    return void (await words.mutate({ type: 'deleteRange', trans, range: recordRange(entity, req.range.lower, req.range.upper) }));
  }
  if (req.type === 'delete') {
    return void (await words.mutate({ type: 'delete', trans, keys: req.keys.map((id) => [entity, id]) }));
  }
  const rows: WordRow[] = [];
  const gone: [string, string][] = [];
  for (const v of req.values as Row[]) {
    const row = wordRowFor(entity, v);
    if (row) rows.push(row);
    else gone.push([entity, v.id]);
  }
  if (rows.length) await words.mutate({ type: 'put', trans, values: rows });
  if (gone.length && req.type !== 'add') await words.mutate({ type: 'delete', trans, keys: gone });
}

export const wordIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WordIndex',
  create: (down) => ({
    ...down,
    // Every read-write transaction over a record table also covers `words`, so the record and
    // its index rows commit or fail together.
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.some(isIndexed) && !stores.includes('words') ? [...stores, 'words'] : stores, mode, options),
    table: (name) => {
      const table = down.table(name);
      if (!isIndexed(name)) return table;
      return {
        ...table,
        mutate: async (req) => {
          const res = await table.mutate(req);
          await reindex(down.table('words'), name, req);
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
  for (const entity of INDEXED) {
    const batch: WordRow[] = [];
    await tx.table<Row>(entity).each((r) => {
      const row = wordRowFor(entity, r);
      if (row) batch.push(row);
    });
    await words.bulkPut(batch);
  }
}
