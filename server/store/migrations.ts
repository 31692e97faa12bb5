import { Migrator, type Kysely, type Migration } from 'kysely';
import { devicesMigration } from './migration-devices';
import { entitiesSubject } from './migration-subject';
import { eraseMigration } from './migration-erase';

/**
 * Schema migrations, one dialect-neutral definition for SQLite and PostgreSQL (research/sync.md
 * §4.6). Released migrations are never edited; add a new entry. Numbers are epoch milliseconds
 * stored as BIGINT; JSON is stored as TEXT because the server never queries inside it.
 */

// Kysely's migration API takes an untyped Kysely: migrations must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>;

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('epoch', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .execute();
    // One row per signed-in device; the bearer token exists only as its SHA-256 hash.
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createTable('invites')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_by', 'text')
      .addColumn('max_uses', 'integer', (c) => c.notNull())
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('last_client_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('entities')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('field_values', 'text', (c) => c.notNull())
      .addColumn('clocks', 'text', (c) => c.notNull())
      .addColumn('row_seq', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('entities_pk', ['team_id', 'entity', 'id'])
      .execute();
    await db.schema.createIndex('entities_pull').on('entities').columns(['team_id', 'row_seq']).execute();
    await db.schema
      .createTable('evictions')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('from_scope', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('evictions_pk', ['team_id', 'seq'])
      .execute();
    // Append-only history of every op received, with its outcome: the audit trail and the
    // source of `lastClientSeq` for a pull (the newest op of a client at or below the cursor).
    await db.schema
      .createTable('op_log')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('client_seq', 'bigint', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('final_hlc', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reject_code', 'text')
      .addColumn('reject_message', 'text')
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('op_log_pk', ['client_id', 'client_seq'])
      .execute();
    await db.schema.createIndex('op_log_client_seq').on('op_log').columns(['client_id', 'seq']).execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-devices': devicesMigration,
  '0003-entities-subject': entitiesSubject,
  '0004-erase-quota': eraseMigration,
};

/**
 * `schema` names where the migration bookkeeping lives. Without it Kysely looks for its tables
 * in every schema of the database, so another schema's `kysely_migration_lock` (a second
 * store, a crashed test) makes it skip creating its own and then fail to find it.
 */
export async function migrateToLatest(db: AnyDb, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
