import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware, Transaction } from 'dexie';
import type { Entity } from './schema';
import { wordsOf } from './search-words';

/**
 * The word index behind search: one row per (record, word), kept in step with every write to the
 * record tables by a DBCore middleware. Being below the mutators, it also sees what they never
 * touch: records arriving by team sync, sign-out cleanup, imports. Local only, never synced;
 * it can always be rebuilt from the records.
 */
export interface WordRow {
  entity: Entity;
  id: string;
  word: string;
  /** 1 for who someone is (name, company, addresses), 0 for what was written about them. */
  tier: 0 | 1;
  /** Newest first within a tier: when the note happened, or when the record last changed. */
  at: number;
  personId: string;
}

export const INDEXED: readonly Entity[] = ['people', 'identities', 'notes', 'preferences', 'tasks'];
const isIndexed = (name: string): name is Entity => (INDEXED as readonly string[]).includes(name);

type Row = Record<string, unknown> & { id: string; deleted?: boolean; updatedAt: number };

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The word rows a record should have: none once it is deleted. */
export function wordRowsFor(entity: Entity, r: Row): WordRow[] {
  if (r.deleted) return [];
  const personId = entity === 'people' ? r.id : str(r.personId);
  const rows = new Map<string, WordRow>();
  const add = (text: string, tier: 0 | 1, at: number) => {
    for (const word of wordsOf(text)) {
      const had = rows.get(word);
      if (!had || had.tier < tier) rows.set(word, { entity, id: r.id, word, tier, at, personId });
    }
  };
  if (entity === 'people') {
    add(`${str(r.name)} ${str(r.company)}`, 1, r.updatedAt);
    add(`${str(r.headline)} ${str(r.location)}`, 0, r.updatedAt);
  } else if (entity === 'identities') {
    add(`${str(r.display)} ${str(r.value)}`, 1, r.updatedAt);
    // The whole address is one word too, so "ana.lima@ex" narrows to her as it is typed.
    const whole = str(r.value).toLowerCase().slice(0, 200);
    if (whole) rows.set(whole, { entity, id: r.id, word: whole, tier: 1, at: r.updatedAt, personId });
  } else if (entity === 'notes') add(str(r.body), 0, typeof r.occurredAt === 'number' ? r.occurredAt : r.updatedAt);
  else if (entity === 'preferences') add(`${str(r.key)} ${str(r.value)}`, 0, r.updatedAt);
  else add(str(r.title), 0, r.updatedAt);
  return [...rows.values()];
}

// DBCoreRangeType.Range; the enum is a `const enum` in Dexie's typings, unusable with isolatedModules.
const RANGE = 2 as DBCoreKeyRange['type'];
const recordRange = (entity: string, lower: unknown, upper: unknown): DBCoreKeyRange => ({
  type: RANGE,
  // [entity] sorts before every [entity, id, word] and [entity, x, []] after (arrays sort after strings).
  lower: lower === undefined ? [entity] : [entity, lower],
  upper: upper === undefined ? [entity, []] : [entity, upper, []],
  lowerOpen: false,
  upperOpen: false,
});

async function reindex(words: DBCoreTable, entity: Entity, req: DBCoreMutateRequest): Promise<void> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    return void (await words.mutate({ type: 'deleteRange', trans, range: recordRange(entity, req.range.lower, req.range.upper) }));
  }
  const ids = req.type === 'delete' ? req.keys : req.values.map((v: Row) => v.id);
  // A record added for the first time has no rows to clear; everything else is cleared first.
  if (req.type !== 'add') {
    for (const id of ids) await words.mutate({ type: 'deleteRange', trans, range: recordRange(entity, id, id) });
  }
  if (req.type === 'delete') return;
  const rows = req.values.flatMap((v: Row) => wordRowsFor(entity, v));
  if (rows.length) await words.mutate({ type: 'put', trans, values: rows });
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
    await tx.table<Row>(entity).each((r) => void batch.push(...wordRowsFor(entity, r)));
    await words.bulkPut(batch);
  }
}
