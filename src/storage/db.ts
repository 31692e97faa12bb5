import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import type { Identity, Note, OutboxOp, Person, Preference, Task } from './schema';

export interface MetaRow {
  key: string;
  value: unknown;
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

  constructor(name = 'clyde', options: DexieOptions = {}) {
    // Strict durability: a note the user saw saved must survive a crash or power loss (security.md C4).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      people: 'id, updatedAt',
      identities: 'id, personId', // id = `${kind}:${canonical value}`: lookup by identity is a primary-key get
      notes: 'id, [personId+occurredAt]',
      preferences: 'id, personId',
      tasks: 'id, personId',
      outbox: '++clientSeq, [entity+id], state',
      meta: 'key',
    });
  }
}

export const db = new ClydeDB();
