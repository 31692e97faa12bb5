import Dexie, { type DBCoreMutateRequest, type DBCoreTransaction } from 'dexie';
import type { Entity } from '../schema';
import type { WordQueueRow } from './search-index';
import { memberKey } from './word-groups';

/**
 * What a first join's pages wrote to the records search indexes, kept in the background's memory
 * so that indexing them after the join (index-queued.ts) need not read them back: at 100k records
 * those reads, one request per record, were 11 s of indexing's 31. As for Home's summaries
 * (summaries/pages-seen.ts), only what is known to be what the database holds is indexed from here:
 * - a page's writes are kept once its transaction commits, with the `wordQueue` row it wrote;
 * - any other write of a record while the queue holds rows, in whichever page of the extension,
 *   indexes it at once and says so in the queue, in its own transaction (search-index.ts): a copy
 *   kept from before that is not used, and one of a table a range was deleted from is read;
 * - past `MAX_KEPT` records nothing more is kept, and everything is read.
 * Only the fields words are made of are kept (a few hundred bytes a record, tens of megabytes in all).
 */
const MAX_KEPT = 150_000;

export type Written = { id: string } & Record<string, unknown>;
type Write = Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>;
/** A record as a kept page wrote it (undefined: deleted), and the queue row `n` of that page. */
export interface Kept {
  page: number;
  record: Written | undefined;
}

/** One page's writes, kept for its transaction until it commits. */
interface Staged {
  records: [Entity, string, Written | undefined][];
  row?: number;
}

const staged = new WeakMap<DBCoreTransaction, { seen: WordsSeen; page: Staged }>();

export class WordsSeen {
  /** `max`: the records kept at most (`MAX_KEPT`; fewer in a test). */
  constructor(private readonly max = MAX_KEPT) {}

  /** By `memberKey`: the record as the last kept page to write it did. */
  private readonly records = new Map<string, Kept>();
  /** The `wordQueue` rows written by the pages kept here. */
  private readonly rows = new Set<number>();
  private full = false;

  /**
   * Keeps the writes of the page transaction `trans` once it commits; `row` is the queue row it
   * writes. Call before its record writes. Dexie's own promise, as the page's other writes (pull.ts).
   */
  watch(trans: IDBTransaction, row: PromiseLike<number | undefined>): Promise<unknown> {
    const page: Staged = { records: [] };
    staged.set(trans as unknown as DBCoreTransaction, { seen: this, page });
    trans.addEventListener('complete', () => this.keep(page));
    return Dexie.Promise.resolve(row).then((n) => (page.row = n));
  }

  /** The rows of `queued` written by the pages kept here: none once too many were. */
  pagesIn(queued: WordQueueRow[]): WordQueueRow[] {
    return this.full ? [] : queued.filter((q) => this.rows.has(q.n!));
  }

  /** The record with `memberKey` `key` as the last kept page to write it did. */
  get(key: string): Kept | undefined {
    return this.records.get(key);
  }

  private keep(page: Staged) {
    if (this.full || page.row === undefined) return;
    this.rows.add(page.row);
    for (const [entity, id, record] of page.records) this.records.set(memberKey(entity, id), { page: page.row, record });
    if (this.records.size > this.max) this.forget();
  }

  /** Keeps nothing more, and has everything read from the database. */
  forget() {
    this.full = true;
    this.records.clear();
  }
}

/**
 * Called by the word index (search-index.ts) for each write of a deferred transaction: a page
 * being watched keeps its records, cut by `slim` to what their words are made of. A write that
 * partly failed forgets everything.
 */
export function noteWords(entity: Entity, req: Write, failures: number, slim: (record: Written) => Written): void {
  const watched = staged.get(req.trans);
  if (!watched) return;
  if (failures) return watched.seen.forget();
  const out = watched.page.records;
  if (req.type === 'delete') for (const key of req.keys) out.push([entity, key as string, undefined]);
  else for (const v of req.values as Written[]) out.push([entity, v.id, slim(v)]);
}
