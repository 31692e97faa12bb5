import type { Kysely, Migration } from 'kysely';

// Kysely's migration API takes an untyped Kysely: migrations must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>;

/**
 * Locking out a stolen device (issue #15 point 1). Devices remember which device minted the
 * link they joined with, so revoking one also revokes everything it let in; invites remember
 * the device that made them and can be revoked before use. Token rotation keeps the next token
 * (issued, not yet used) and the previous one (retired: presenting it again means two holders).
 */
export const devicesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('devices').addColumn('minted_by', 'text').execute();
    await db.schema.alterTable('devices').addColumn('next_token_hash', 'text').execute();
    await db.schema.alterTable('devices').addColumn('prev_token_hash', 'text').execute();
    await db.schema.alterTable('devices').addColumn('token_rotated_at', 'bigint').execute();
    await db.schema.createIndex('devices_next_token').unique().on('devices').column('next_token_hash').execute();
    await db.schema.createIndex('devices_prev_token').on('devices').column('prev_token_hash').execute();
    await db.schema.createIndex('devices_minted_by').on('devices').column('minted_by').execute();
    await db.schema.alterTable('invites').addColumn('created_by_device', 'text').execute();
    await db.schema.alterTable('invites').addColumn('revoked_at', 'bigint').execute();
    await db.schema.createIndex('invites_created_by_device').on('invites').column('created_by_device').execute();
  },
};
