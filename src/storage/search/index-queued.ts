import { cmp } from 'dexie';
import type { ClydeDB } from '../db';
import { relaxed } from '../durability';
import { holdChanges, tellHeld } from '../held-changes';
import type { Entity } from '../schema';
import { aboutWhom, INDEXED, wordRowFor, type Row, type WordQueueRow, type WordRow } from './search-index';
import { groupsOf, memberKey, without } from './word-groups';
import type { WordsSeen } from './words-seen';

/**
 * Search's deferred indexing: the records a big catch-up's pages queued in `wordQueue`
 * (`deferWordIndex`, search-index.ts) get their word rows here, after the catch-up, in groups
 * per person (word-groups.ts); after a first join, from what its pages wrote (words-seen.ts).
 */

/**
 * Queued records indexed per transaction: whole queued pages (one per pull page) up to about a
 * pull page's worth (`CLIENT_PULL_LIMIT`, not imported: protocol.ts brings zod, which the panel
 * loads only after its first look), a fraction of a second, so the panel's reads are never held
 * up for long, while a big catch-up pays for few transactions.
 */
const RECORDS_PER_TRANSACTION = 2500;
const PAGES_PER_READ = 4;

/** What one call of `indexQueued` knows across its transactions. */
interface Run {
  /** Groups there were before it: with none, only records it grouped can be in one. */
  groupsBefore: number;
  /** `memberKey`s of the records it grouped. */
  grouped: Set<string>;
}

const indexScope = (db: ClydeDB) => [db.wordQueue, db.words, db.wordGroups, ...INDEXED.map((e) => db.table(e))];

/**
 * Indexes what `deferWordIndex` queued, a page's worth per transaction, from the current
 * records (a record changed since was indexed then anyway), or, for what a first join's pages
 * wrote, from `seen`, their copies kept in memory. Resumable: a worker stopped halfway leaves the
 * rest queued. Returns the pages indexed.
 */
export async function indexQueued(db: ClydeDB, seen?: WordsSeen): Promise<number> {
  const run: Run = { groupsBefore: await db.wordGroups.count(), grouped: new Set() };
  let done = seen ? await indexRemembered(db, seen, run) : 0;
  for (;;) {
    // Relaxed: words lost to a crash are lost with the queue rows' removal, and made again (durability.ts).
    const indexed = await relaxed(() =>
      db.transaction('rw', indexScope(db), async () => {
        const next: WordQueueRow[] = [];
        let records = 0;
        for (const q of await db.wordQueue.orderBy('n').limit(PAGES_PER_READ).toArray()) {
          if (records >= RECORDS_PER_TRANSACTION) break;
          next.push(q);
          records += q.keys.length;
        }
        // An open search hears of the words about once a second, and of the last when the queue is empty (held-changes.ts).
        if (!next.length) return (tellHeld(), 0);
        // Rows another writer queued as it indexed its records say only that memory is older: nothing to read.
        const keys = next.flatMap((q) => (q.indexed ? [] : q.keys));
        await Promise.all([indexKeys(db, run, [], keys), db.wordQueue.bulkDelete(next.map((q) => q.n!))]);
        holdChanges();
        return next.length;
      }),
    );
    if (!indexed) return done;
    done += indexed;
  }
}

/**
 * Indexes the records of the queued pages `seen` kept (words-seen.ts) from memory, in batches of
 * people in id order: each person's records make one group, however many pages brought them. A
 * record another writer indexed as it wrote it, after the page that is kept, is left as that
 * writer indexed it; one in a table a range was deleted from since is read. A batch learns of such
 * writes queued since the last in its own transaction, so it never writes over a newer write. The
 * pages' queue rows go with the last batch. Returns the pages indexed.
 */
async function indexRemembered(db: ClydeDB, seen: WordsSeen, run: Run): Promise<number> {
  const queued = await db.wordQueue.toArray();
  const pages = seen.pagesIn(queued);
  if (!pages.length) return 0;
  // The last queue row read, and when each record, or each table's range, was last written by another writer.
  let last = 0;
  const indexedAt = new Map<string, number>();
  const learn = (rows: WordQueueRow[]) => {
    for (const q of rows) {
      last = Math.max(last, q.n!);
      if (q.indexed) for (const key of q.cleared ? [q.cleared] : q.keys.map((k) => memberKey(...k))) indexedAt.set(key, q.n!);
    }
  };
  learn(queued);
  const keys = [...new Map(pages.flatMap((q) => q.keys).map((k) => [memberKey(...k), k])).values()];
  // A record the pages did not write themselves (one deleted outright) goes last.
  const whom = ([entity, id]: [Entity, string]) => {
    const kept = seen.get(memberKey(entity, id));
    return !kept ? '\uffff' : kept.record ? aboutWhom(entity, kept.record as Row) : '';
  };
  const ordered = keys.map((k) => [whom(k), k] as const).sort((a, b) => cmp(a[0], b[0]));
  for (let i = 0; i < ordered.length; i += RECORDS_PER_TRANSACTION) {
    const batch = ordered.slice(i, i + RECORDS_PER_TRANSACTION).map(([, k]) => k);
    const final = i + RECORDS_PER_TRANSACTION >= ordered.length;
    await relaxed(() =>
      db.transaction('rw', indexScope(db), async () => {
        learn(await db.wordQueue.where('n').above(last).toArray());
        const known: [Entity, string, WordRow | undefined][] = [];
        const toRead: [Entity, string][] = [];
        for (const [entity, id] of batch) {
          const kept = seen.get(memberKey(entity, id));
          if (kept && kept.page < (indexedAt.get(memberKey(entity, id)) ?? 0)) continue;
          if (!kept || kept.page < (indexedAt.get(entity) ?? 0)) toRead.push([entity, id]);
          else known.push([entity, id, kept.record && wordRowFor(entity, kept.record as Row)]);
        }
        await Promise.all([indexKeys(db, run, known, toRead), final && db.wordQueue.bulkDelete(pages.map((q) => q.n!))]);
        holdChanges();
      }),
    );
  }
  return pages.length;
}

/**
 * Writes the index rows of records: `known`, their rows already made (undefined: none), and
 * `toRead`, read here. A record with a row of its own (written one by one before) keeps it, made
 * new; the others go into groups, one per person, and out of any group that held them before.
 * Call inside a transaction over `indexScope`.
 */
async function indexKeys(db: ClydeDB, run: Run, known: [Entity, string, WordRow | undefined][], toRead: [Entity, string][]): Promise<void> {
  const byEntity = INDEXED.map((entity) => ({ entity, ids: [...new Set(toRead.filter(([e]) => e === entity).map(([, id]) => id))] }));
  const wanted = byEntity.filter(({ ids }) => ids.length);
  const keys: [Entity, string][] = [...known.map(([e, id]) => [e, id] as [Entity, string]), ...toRead];
  // Asked at once: each read then waits a round trip to IndexedDB, not its turn.
  const [found, alone] = await Promise.all([
    Promise.all(wanted.map(({ entity, ids }) => db.table(entity).bulkGet(ids) as Promise<(Row | undefined)[]>)),
    ownRows(db, keys),
  ]);
  const made = [...known];
  wanted.forEach(({ entity, ids }, k) => found[k]!.forEach((r, i) => made.push([entity, ids[i]!, r && wordRowFor(entity, r)])));
  const rows: WordRow[] = [];
  const group: WordRow[] = [];
  const gone: [string, string][] = [];
  for (const [entity, id, row] of made) {
    if (row) (alone.has(memberKey(entity, id)) ? rows : group).push(row);
    else gone.push([entity, id]);
  }
  // Out of the groups that held these records before, so none keeps words they no longer have.
  const members = [...new Set(keys.map(([e, id]) => memberKey(e, id)))];
  const suspects = run.groupsBefore ? members : members.filter((k) => run.grouped.has(k));
  const holding = suspects.length ? await db.wordGroups.where('m').anyOf(suspects).toArray() : [];
  const leaving = new Set(suspects);
  const { puts, drops } = without(holding, (k) => leaving.has(k));
  for (const k of members) run.grouped.add(k);
  await Promise.all([
    db.words.bulkPut(rows),
    db.words.bulkDelete(gone),
    db.wordGroups.bulkPut(puts),
    db.wordGroups.bulkDelete(drops),
    db.wordGroups.bulkAdd(groupsOf(group)),
  ]);
}

/**
 * Which of `keys` have a `words` row of their own: all of them read at once when there are few
 * (a joining device has the people on screen only), else looked up.
 */
async function ownRows(db: ClydeDB, keys: [Entity, string][]): Promise<Set<string>> {
  const few = (await db.words.count()) <= 4 * keys.length;
  const own = few
    ? ((await db.words.toCollection().primaryKeys()) as [string, string][])
    : (await db.words.bulkGet(keys)).flatMap((r) => (r ? [[r.entity, r.id] as [string, string]] : []));
  return new Set(own.map(([e, id]) => memberKey(e, id)));
}
