import Dexie, { type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTransaction } from 'dexie';
import type { ClydeDB } from '../db';
import { isCompanyId } from '../company-id';
import { noteFacts, personFacts, summarize, taskFacts, type NoteFacts, type PersonFacts, type Summary, type TaskFacts } from './summary';
import type { SummaryQueueRow } from './queue';
import { groupBy } from '../../group-by';

/**
 * What a first join's pages wrote to the records Home summarizes, kept in the background's memory
 * so the rebuild of everyone's summary at the join's end (queue.ts) need not read them all back:
 * at 100k records those reads were about a tenth of the join. Only what is known to be what the
 * database holds is summarized from here:
 * - writes are kept only once their transaction commits, with the `all` queue row that page wrote;
 *   the queue then holding an `all` row from no page seen here (a stopped worker's, an earlier
 *   catch-up's, a cleared table's) means memory missed something, and everything is read;
 * - a person with records before the first page, or whose records something else wrote during
 *   the join (the user, a prioritized pull, another page of the extension: the upkeep queues them
 *   while an `all` row waits), has theirs read from the database;
 * - past `MAX_KEPT` records nothing more is kept, and everything is read.
 */

type Source = 'people' | 'notes' | 'tasks' | 'personal';
type Write = Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>;

/**
 * Records kept at most: a few hundred bytes each (only what a summary reads; a note's body cut to
 * what it quotes), so tens of megabytes in the background; a bigger join reads them back.
 */
const MAX_KEPT = 150_000;

/** One page's writes, kept for its transaction until it commits. */
interface Staged {
  records: [Source, string, PersonFacts | NoteFacts | TaskFacts | undefined][];
  row?: number;
  before: string[];
}

const staged = new WeakMap<DBCoreTransaction, { seen: PagesSeen; page: Staged }>();

export class PagesSeen {
  /** `max`: the records kept at most (`MAX_KEPT`; fewer in a test). */
  constructor(private readonly max = MAX_KEPT) {}

  private readonly people = new Map<string, PersonFacts | undefined>();
  private readonly notes = new Map<string, NoteFacts | undefined>();
  private readonly tasks = new Map<string, TaskFacts | undefined>();
  /** The `all` queue rows written by the pages kept here. */
  private readonly rows = new Set<number>();
  /** People whose records are read from the database, whatever the pages brought. */
  private readonly before = new Set<string>();
  private full = false;
  private byPerson?: [Map<string, NoteFacts[]>, Map<string, TaskFacts[]>];

  /**
   * Keeps the writes of the page transaction `trans` once it commits; `row` is the `all` queue row
   * it writes. Call before its record writes: the first page also notes, before writing, whom the
   * device held records about. Dexie's own promise, as the page's other writes (pull.ts).
   */
  watch(db: ClydeDB, trans: IDBTransaction, row: PromiseLike<number | undefined>): Promise<void> {
    const page: Staged = { records: [], before: [] };
    staged.set(trans as unknown as DBCoreTransaction, { seen: this, page });
    trans.addEventListener('complete', () => this.keep(page));
    return Dexie.Promise.all([row, this.rows.size ? [] : peopleHeld(db)]).then(([n, before]) => {
      page.row = n;
      page.before = before;
    });
  }

  /** Whether every `all` row in `queued` is one of the pages kept here, so memory holds everything they wrote. */
  covers(queued: SummaryQueueRow[]): boolean {
    return !this.full && queued.every((r) => !r.all || this.rows.has(r.n!));
  }

  /** Everyone whose summary the pages may have changed, everyone held before, and everyone `queued`, sorted. */
  ids(queued: SummaryQueueRow[]): string[] {
    const ids = new Set([...this.people.keys(), ...this.before, ...queued.flatMap((r) => r.people)]);
    for (const rows of [this.notes, this.tasks]) for (const r of rows.values()) if (r && !isCompanyId(r.personId)) ids.add(r.personId);
    return [...ids].sort();
  }

  /**
   * The summaries of those among `ids` whose records are all here (undefined: no summary), and
   * those left to read: held before the join, queued by another writer (`queued`), or whose
   * person never came in a page.
   */
  split(ids: string[], queued: SummaryQueueRow[]): { known: Map<string, Summary | undefined>; unknown: string[] } {
    const dirty = new Set(queued.flatMap((r) => r.people));
    const unknown: string[] = [];
    const mine = ids.filter((id) => {
      const known = this.people.has(id) && !this.before.has(id) && !dirty.has(id);
      if (!known) unknown.push(id);
      return known;
    });
    // Grouped once for the whole rebuild: no page comes after it starts.
    this.byPerson ??= [groupBy(present(this.notes), (r) => r.personId), groupBy(present(this.tasks), (r) => r.personId)];
    const [notes, tasks] = this.byPerson;
    const known = new Map(mine.map((id) => [id, summarize(this.people.get(id), notes.get(id) ?? [], tasks.get(id) ?? [], undefined)]));
    return { known, unknown };
  }

  private keep(page: Staged) {
    if (this.full || page.row === undefined) return;
    this.byPerson = undefined;
    this.rows.add(page.row);
    for (const id of page.before) this.before.add(id);
    for (const [table, id, value] of page.records) {
      if (table === 'people') this.people.set(id, value as PersonFacts | undefined);
      else if (table === 'notes') this.notes.set(id, value as NoteFacts | undefined);
      else if (table === 'tasks') this.tasks.set(id, value as TaskFacts | undefined);
      // A personal row is the user's own and never comes in a page; if one did, its person is read.
      else this.before.add(id);
    }
    if (this.people.size + this.notes.size + this.tasks.size > this.max) this.forget();
  }

  /** Keeps nothing more, and has everything read from the database. */
  forget() {
    this.full = true;
    for (const map of [this.people, this.notes, this.tasks]) map.clear();
  }
}

/**
 * Called by the summaries upkeep (upkeep.ts) after each write of a page being watched: the records
 * as written, slimmed to what a summary reads. A write that partly failed forgets everything.
 */
export function noteWrite(table: Source, req: Write, res: DBCoreMutateResponse): void {
  const watched = staged.get(req.trans);
  if (!watched) return;
  if (res.numFailures) return watched.seen.forget();
  const out = watched.page.records;
  if (req.type === 'delete') {
    for (const key of req.keys) out.push([table, key as string, undefined]);
    return;
  }
  for (const v of req.values) {
    if (table === 'personal') out.push([table, (v as { personId: string }).personId, undefined]);
    else if (table === 'people') out.push([table, (v as PersonFacts).id, personFacts(v as PersonFacts)]);
    else if (table === 'notes') out.push([table, (v as NoteFacts).id, noteFacts(v as NoteFacts)]);
    else out.push([table, (v as TaskFacts).id, taskFacts(v as TaskFacts)]);
  }
}

const present = <T>(rows: Map<string, T | undefined>) => [...rows.values()].filter((r): r is T => r !== undefined);

/** Everyone the device held a record or a personal row about: read in the first page's transaction. */
function peopleHeld(db: ClydeDB): Promise<string[]> {
  return Dexie.Promise.all([
    db.people.toCollection().primaryKeys(),
    db.notes.orderBy('personId').uniqueKeys(),
    db.tasks.orderBy('personId').uniqueKeys(),
    db.personal.toCollection().primaryKeys(),
  ]).then((keys) => keys.flat().map(String));
}
