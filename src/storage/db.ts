import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import type { RowState } from '../sync/protocol';
import { watchStorageFaults, type StorageHealth } from './db-faults';
import { durabilityMiddleware } from './durability';
import type { MergeRecord } from './people/merge-log';
import type { NeverLogEntry } from './records/never-log';
import type { Company, Identity, Note, Opportunity, OutboxOp, Person, Preference, Stage, Task } from './schema';
import type { PersonalRow } from './summaries/personal';
import type { SummaryQueueRow } from './summaries/queue';
import type { Summary } from './summaries/summary';
import { buildSummaries, summaryMiddleware } from './summaries/upkeep';
import { buildWordIndex, wordIndexMiddleware, type WordQueueRow, type WordRow } from './search/search-index';
import type { WordGroup } from './search/word-groups';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** An op the team server refused for good. Kept, shown and exportable: never silently dropped. */
export interface RejectedOp extends OutboxOp {
  n?: number;
  code: string;
  message: string;
  at: number;
}

/**
 * The one database, opened only in the extension origin (panel, options, background). A content
 * script must never import this: there IndexedDB belongs to the host site (security.md R14).
 *
 * Released schema versions are never edited; add a new `version(n)` with an idempotent upgrade.
 */
export class ClydeDB extends Dexie {
  people!: EntityTable<Person, 'id'>;
  identities!: EntityTable<Identity, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  preferences!: EntityTable<Preference, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  outbox!: EntityTable<OutboxOp, 'clientSeq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** The team server's last state of each synced record; views are this plus pending ops. */
  srv!: Dexie.Table<RowState, [string, string]>;
  rejected!: EntityTable<RejectedOp, 'n'>;
  /** Search index rows, derived from the record tables (search-index.ts); local only. */
  words!: Dexie.Table<WordRow, [string, string]>;
  /** Addresses and domains this user never wants shown or recorded; local only, never synced. */
  neverLog!: EntityTable<NeverLogEntry, 'value'>;
  /** What each merge moved, so it can be undone later, even after a reload. Local only. */
  merges!: EntityTable<MergeRecord, 'id'>;
  /** Word rows of bulk indexing, one per person and batch (search/word-groups.ts); local only. */
  wordGroups!: EntityTable<WordGroup, 'n'>;
  /** Records written by team sync whose `words` rows are still to be made (search-index.ts). */
  wordQueue!: EntityTable<WordQueueRow, 'n'>;
  /** One row per person for Home, kept by every write (summaries/upkeep.ts); local only, rebuilt from the records. */
  summaries!: EntityTable<Summary, 'personId'>;
  /** The user's own rhythm, star and last opened thread per person; local only, never synced. */
  personal!: EntityTable<PersonalRow, 'personId'>;
  companies!: EntityTable<Company, 'id'>;
  /** Pipeline stages a team edited or added; the defaults are code (opportunities/stages.ts). */
  stages!: EntityTable<Stage, 'id'>;
  opportunities!: EntityTable<Opportunity, 'id'>;
  /** People whose summaries a catch-up left to rebuild after its pages (summaries/queue.ts). */
  summaryQueue!: EntityTable<SummaryQueueRow, 'n'>;
  /** Another page's upgrade, a blocked upgrade or a database newer than this code (db-faults.ts). */
  readonly health: StorageHealth;

  constructor(name = 'clyde', options: DexieOptions = {}) {
    // Strict durability: a note the user saw saved must survive a crash or power loss (security.md C4).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      people: 'id, updatedAt',
      identities: 'id, personId, [kind+value]', // lookup by canonical identity is one index read
      notes: 'id, personId, [personId+occurredAt]',
      preferences: 'id, personId',
      tasks: 'id, personId',
      outbox: '++clientSeq, [entity+id], state',
      meta: 'key',
    });
    // v2, team sync: new tables only, so there is nothing to migrate and nothing to re-run.
    this.version(2).stores({
      srv: '[entity+id]',
      rejected: '++n',
    });
    // v3, find and tidy: new local tables; the upgrade indexes every record already stored.
    this.version(3)
      .stores({
        words: '[entity+id], *w',
        neverLog: 'value',
        merges: 'id, intoId, fromId',
      })
      .upgrade(buildWordIndex);
    // v4, faster team bootstrap: a queue of synced records still to index; a new table only.
    this.version(4).stores({ wordQueue: '++n' });
    // v5, Home: a summary per person, indexed by the moment they enter each section; the upgrade
    // summarizes what is already stored. Yearly and one-off event days are a multi-entry index.
    this.version(5)
      .stores({
        summaries: 'personId, nextDue, reachOutAt, silentAt, riskAt, bestUntil, teamAt, *eventKeys',
        personal: 'personId',
      })
      .upgrade(buildSummaries);
    // v6, companies and opportunities: new tables, and two new indexes on existing ones (who works
    // where, a deal's next steps), which IndexedDB builds itself; nothing to rewrite.
    this.version(6).stores({
      people: 'id, updatedAt, companyId',
      tasks: 'id, personId, opportunityId',
      companies: 'id, name',
      stages: 'id',
      opportunities: 'id, companyId, stageId',
    });
    // v7, faster team join: a queue of people whose summaries a catch-up left for later; a new table only.
    this.version(7).stores({ summaryQueue: '++n' });
    // v8, search for a big join: word rows grouped per person (search/word-groups.ts); a new table only.
    this.version(8).stores({ wordGroups: '++n, *w, *m' });
    this.use(wordIndexMiddleware);
    this.use(summaryMiddleware);
    this.use(durabilityMiddleware);
    this.health = watchStorageFaults(this);
  }
}

export const db = new ClydeDB();
