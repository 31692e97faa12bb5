import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTransaction,
  type Middleware,
  type Table,
  type Transaction,
} from 'dexie';
import { isCompanyId } from '../company-id';
import { equalTo, EVERY_KEY } from '../key-ranges';
import type { Note, Person, Task } from '../schema';
import { foldNote, foldTask } from './fold';
import { noteWrite } from './pages-seen';
import type { PersonalRow } from './personal';
import { deferredMode } from './queue';
import { summarize, type Summary } from './summary';
import { groupBy } from '../../group-by';

/**
 * Keeps `summaries` in step with every write that can change one: notes, tasks, people and the
 * user's personal rows. A DBCore middleware like the word index (search-index.ts), so the
 * mutators, merges, undos, imports and team sync's apply all keep it without knowing it exists,
 * and a summary commits or fails with the write. Each write recomputes the touched people's
 * summaries from their own records (a person has tens of notes, not thousands), except for the
 * common write, a new note or task for someone with a summary: that is folded into the summary
 * (fold.ts) when it provably gives the same, which the property test checks after every step.
 * A catch-up's pages only queue their people, rebuilt once after the pull (queue.ts).
 */
const SOURCES = ['people', 'notes', 'tasks', 'personal'] as const;
type Source = (typeof SOURCES)[number];
const isSource = (name: string): name is Source => (SOURCES as readonly string[]).includes(name);
const SCOPE = [...SOURCES, 'summaries', 'summaryQueue'];

type Row = { id?: string; personId?: string };
const personOf = (table: Source, row: Row | undefined) => (table === 'people' ? row?.id : row?.personId);

/**
 * Runs a call to the cores below in the transaction's Dexie zone. Dexie's own layers there (hooks,
 * live queries) read the transaction from that zone, which an `await` in a middleware leaves;
 * `usePSD` is Dexie's way back in (Dexie.Promise's zone API, missing from its typings).
 */
type InZone = <T>(call: () => T) => T;
const zones = Dexie.Promise as unknown as { PSD: unknown; usePSD<T>(psd: unknown, call: () => T): T };
function currentZone(): InZone {
  const psd = zones.PSD;
  return (call) => zones.usePSD(psd, call);
}

interface Ctx {
  down: DBCore;
  trans: DBCoreTransaction;
  z: InZone;
}

/** The people a write's new rows belong to: known without reading anything. */
function peopleNow(table: Source, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): Set<string> {
  const people = new Set<string>();
  if (req.type === 'delete') {
    // A person's and a personal row's key is the person; a deleted note's person is read before.
    if (table === 'people' || table === 'personal') for (const k of req.keys) people.add(k as string);
  } else {
    for (const v of req.values as Row[]) {
      const id = personOf(table, v);
      if (id) people.add(id);
    }
  }
  return people;
}

/**
 * The rows before the write, for the people they belonged to where that can differ: a note or
 * task can move to another person (a merge, an undo) or be deleted outright (an eviction by sync);
 * and none for a new one. Must be issued before the write, so it reads the old rows.
 */
function rowsBefore({ down, trans, z }: Ctx, table: Source, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): Promise<Row[]> {
  if (table === 'people' || table === 'personal' || req.type === 'add') return Promise.resolve([]);
  const keys = req.type === 'delete' ? req.keys : (req.values as Row[]).map((v) => v.id);
  return z(() => down.table(table).getMany({ trans, keys })).then((rows: (Row | undefined)[]) => rows.filter((r) => r !== undefined));
}

/**
 * Writes in flight per transaction. A summary folded from the one read before the write would
 * miss another write to the same person running beside it (Promise.all in one transaction), so a
 * write that overlaps another recomputes instead.
 */
const inFlight = new WeakMap<DBCoreTransaction, Set<{ overlapped: boolean }>>();
function enter(trans: DBCoreTransaction): { overlapped: boolean } {
  let calls = inFlight.get(trans);
  if (!calls) inFlight.set(trans, (calls = new Set()));
  const call = { overlapped: calls.size > 0 };
  for (const other of calls) other.overlapped = true;
  calls.add(call);
  return call;
}

/** The new notes or tasks folded into their people's summaries; a person missing is recomputed. */
function foldNew(table: 'notes' | 'tasks', values: Row[], ids: string[], kept: (Summary | undefined)[]): Map<string, Summary> {
  const folded = new Map<string, Summary | undefined>(ids.map((id, i) => [id, kept[i]]));
  for (const v of values) {
    const id = personOf(table, v)!;
    const old = folded.get(id);
    if (old) folded.set(id, table === 'notes' ? foldNote(old, v as Note) : foldTask(old, v as Task));
  }
  return new Map([...folded].filter((e): e is [string, Summary] => e[1] !== undefined));
}

async function rowsOf<T>({ down, trans, z }: Ctx, table: string, personId: string): Promise<T[]> {
  const t = down.table(table);
  const index = t.schema.getIndexByKeyPath('personId')!;
  const range = equalTo(personId);
  return (await z(() => t.query({ trans, values: true, query: { index, range } }))).result as T[];
}

async function getOne<T>({ down, trans, z }: Ctx, table: string, key: string): Promise<T | undefined> {
  return ((await z(() => down.table(table).getMany({ trans, keys: [key] }))) as (T | undefined)[])[0];
}

/** One person's summary from their records as they are now in this transaction. */
async function recompute(ctx: Ctx, personId: string): Promise<Summary | undefined> {
  const [person, notes, tasks, personal] = await Promise.all([
    getOne<Person>(ctx, 'people', personId),
    rowsOf<Note>(ctx, 'notes', personId),
    rowsOf<Task>(ctx, 'tasks', personId),
    getOne<PersonalRow>(ctx, 'personal', personId),
  ]);
  return summarize(person, notes, tasks, personal);
}

async function write({ down, trans, z }: Ctx, ids: string[], next: (Summary | undefined)[]): Promise<void> {
  if (!ids.length) return;
  const values = next.filter((s): s is Summary => s !== undefined);
  const gone = ids.filter((_, i) => !next[i]);
  const summaries = down.table('summaries');
  if (values.length) await z(() => summaries.mutate({ type: 'put', trans, values }));
  if (gone.length) await z(() => summaries.mutate({ type: 'delete', trans, keys: gone }));
}

/** The summaries of `people`: `folded` as given (unless unchanged from `kept`), the others recomputed. */
async function store(ctx: Ctx, people: Iterable<string>, folded = new Map<string, Summary>(), kept = new Set<Summary>()): Promise<void> {
  // A company's own notes and tasks name the company as their subject; Home summarizes people only.
  const ids = [...people].filter((id) => !isCompanyId(id) && !folded.has(id));
  const changed = [...folded].filter(([, s]) => !kept.has(s));
  const next = await Promise.all(ids.map((id) => recompute(ctx, id)));
  await write(ctx, [...ids, ...changed.map(([id]) => id)], [...next, ...changed.map(([, s]) => s)]);
}

/**
 * A write in a transaction marked by `deferSummaries` (queue.ts): its people, including those its
 * notes and tasks belonged to before, are queued for `summarizeQueued` instead of recomputed.
 */
async function queue(
  ctx: Ctx,
  table: Source,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  write: () => Promise<DBCoreMutateResponse>,
) {
  const people = peopleNow(table, req);
  const [before, res] = await Promise.all([rowsBefore(ctx, table, req), write()]);
  for (const r of before) {
    const id = personOf(table, r);
    if (id) people.add(id);
  }
  await enqueue(ctx, people);
  return res;
}

/** Queues `people` for `summarizeQueued` (queue.ts). */
async function enqueue({ down, trans, z }: Ctx, people: Iterable<string>): Promise<void> {
  const ids = [...people].filter((id) => !isCompanyId(id));
  if (ids.length) await z(() => down.table('summaryQueue').mutate({ type: 'add', trans, values: [{ people: ids }] }));
}

/** Every summary again, from every person: after a whole table is cleared (sign-out). */
async function restoreAll(ctx: Ctx): Promise<void> {
  const { down, trans, z } = ctx;
  await z(() => down.table('summaries').mutate({ type: 'deleteRange', trans, range: EVERY_KEY }));
  const people = down.table('people');
  const ids = await z(() => people.query({ trans, values: false, query: { index: people.schema.primaryKey, range: EVERY_KEY } }));
  await store(ctx, ids.result as string[]);
  // A join's pages kept in memory no longer hold (pages-seen.ts): an `all` row none of them wrote says so.
  if (await rebuildPending(ctx))
    await z(() => down.table('summaryQueue').mutate({ type: 'add', trans, values: [{ people: [], all: true }] }));
}

/**
 * Whether a rebuild is waiting in the queue, as during a catch-up. A write then queues its people
 * too, though it has just summarized them: a first join rebuilds from the pages it kept in memory
 * (pages-seen.ts), and must read theirs instead. Read beside the write, it costs no round trip.
 */
function rebuildPending({ down, trans, z }: Ctx): Promise<boolean> {
  const queue = down.table('summaryQueue');
  return z(() => queue.count({ trans, query: { index: queue.schema.primaryKey, range: EVERY_KEY } })).then((n) => n > 0);
}

export const summaryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Summaries',
  create: (down) => ({
    ...down,
    // A read-write transaction over a source also covers every source and `summaries`, so a
    // summary is recomputed from what commits with it.
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.some(isSource) ? [...new Set([...stores, ...SCOPE])] : stores, mode, options),
    table: (name) => {
      const table = down.table(name);
      if (!isSource(name)) return table;
      return {
        ...table,
        mutate: async (req) => {
          const ctx: Ctx = { down, trans: req.trans, z: currentZone() };
          if (req.type === 'deleteRange') {
            const res = await ctx.z(() => table.mutate(req));
            await restoreAll(ctx);
            return res;
          }
          const deferred = deferredMode(req.trans);
          // Every summary is rebuilt after this transaction's catch-up: nothing to note per write,
          // but what it wrote, for a rebuild from memory (pages-seen.ts).
          if (deferred === 'all') {
            const res = await ctx.z(() => table.mutate(req));
            noteWrite(name, req, res);
            return res;
          }
          if (deferred) return queue(ctx, name, req, () => ctx.z(() => table.mutate(req)));
          const call = enter(req.trans);
          try {
            const people = peopleNow(name, req);
            const ids = [...people];
            // Issued in this order, so the old rows are read before the write; nothing but this
            // middleware writes summaries, so those read before it are the ones kept until now.
            const foldable = (name === 'notes' || name === 'tasks') && req.type !== 'delete';
            const summaries = down.table('summaries');
            const [before, kept, pending, res] = await Promise.all([
              rowsBefore(ctx, name, req),
              foldable ? ctx.z(() => summaries.getMany({ trans: req.trans, keys: ids })) : [],
              rebuildPending(ctx),
              ctx.z(() => table.mutate(req)),
            ]);
            for (const r of before) {
              const id = personOf(name, r);
              if (id) people.add(id);
            }
            // Only rows that are all new, all written, and no other write beside them.
            if (!foldable || before.length || res.numFailures || call.overlapped) await store(ctx, people);
            else await store(ctx, people, foldNew(name, req.values as Row[], ids, kept), new Set(kept));
            if (pending) await enqueue(ctx, people);
            return res;
          } finally {
            inFlight.get(req.trans)?.delete(call);
          }
        },
      };
    },
  }),
};

/**
 * Every person's summary computed from scratch, from the tables `table` gives (a transaction's, or
 * the database's): what the upgrade stores for data kept before summaries existed, and what the
 * property test compares the kept summaries with.
 */
export async function summarizeAll(table: <T>(name: string) => Table<T>): Promise<Summary[]> {
  const [people, notes, tasks, personal] = await Promise.all([
    table<Person>('people').toArray(),
    table<Note>('notes').toArray(),
    table<Task>('tasks').toArray(),
    table<PersonalRow>('personal').toArray(),
  ]);
  return summarizeRecords(people, notes, tasks, personal);
}

/** Every person's summary from all their records at once (grouped here, so it stays linear). */
export function summarizeRecords(people: Person[], notes: Note[], tasks: Task[], personal: PersonalRow[]): Summary[] {
  const [n, t] = [groupBy(notes, (r) => r.personId), groupBy(tasks, (r) => r.personId)];
  const mine = new Map(personal.map((p) => [p.personId, p]));
  return people.flatMap((p) => summarize(p, n.get(p.id) ?? [], t.get(p.id) ?? [], mine.get(p.id)) ?? []);
}

/** The v5 upgrade. Clears first, so running it twice is harmless. */
export async function buildSummaries(tx: Transaction): Promise<void> {
  const summaries = tx.table<Summary>('summaries');
  await summaries.clear();
  await summaries.bulkPut(await summarizeAll((name) => tx.table(name)));
}
