import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerClock } from '../sync/server-clock';
import * as accounts from './accounts';
import { migrateToLatest } from './migrations';
import { readPull } from './pull';
import { compactExpired, notePulled } from './op-log-compaction';
import { applyPush } from './push';
import type { Db } from './queries';
import type { DB } from './tables';
import type { SyncStore } from './types';

const SEEN_RESOLUTION_MS = 5 * 60_000;

/** How one database runs transactions; the rest of the store is the same for both. */
export interface StoreDriver {
  kind: SyncStore['kind'];
  db: Kysely<DB>;
  /** A transaction that writers of the same team run one after another. */
  write<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** One consistent read-only snapshot. */
  read<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** PostgreSQL takes row locks with SELECT … FOR UPDATE; SQLite's single writer needs none. */
  forUpdate: boolean;
  close(): Promise<void>;
}

export function kyselyStore(d: StoreDriver): SyncStore {
  return {
    kind: d.kind,
    migrate: () => migrateToLatest(d.db),
    close: () => d.close(),
    // One process holds the SQLite file, so its hub already reaches every stream.
    relayPokes: async () => ({ listenerPid: undefined, close: async () => {} }),
    createTeam: (name, now) => d.write((tx) => accounts.createTeam(tx, name, now)),
    async startNewEpoch() {
      await d.write(async (tx) => {
        for (const { id } of await tx.selectFrom('teams').select('id').execute()) {
          await tx
            .updateTable('teams')
            .set({ epoch: randomBytes(12).toString('base64url') })
            .where('id', '=', id)
            .execute();
        }
      });
    },
    listTeamIds: async () => (await d.db.selectFrom('teams').select('id').orderBy('created_at').execute()).map((t) => t.id),
    createInvite: (invite) => d.write((tx) => accounts.createInvite(tx, invite)),
    redeemInvite: (r) => d.write((tx) => accounts.redeemInvite(tx, r)),
    async authenticate(tokenHash, now) {
      const found = await accounts.authenticate(d.db, tokenHash);
      if (!found) return undefined;
      const { lastSeenAt, ...auth } = found;
      // "Last seen" is coarse on purpose: a write per request would cost a disk sync on SQLite.
      if (lastSeenAt === null || now - Number(lastSeenAt) > SEEN_RESOLUTION_MS) await accounts.touchDevice(d.db, auth.deviceId, now);
      return auth;
    },
    async deviceActive(deviceId) {
      const row = await d.db
        .selectFrom('devices as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .select('d.id')
        .where('d.id', '=', deviceId)
        .where('d.revoked_at', 'is', null)
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },
    me: (auth) => d.read((tx) => accounts.me(tx, auth)),
    revokeDevice: (auth, deviceId, now) => d.write((tx) => accounts.revokeDevice(tx, auth, deviceId, now)),
    async teamSeq(teamId) {
      const team = await d.db.selectFrom('teams').select('seq').where('id', '=', teamId).executeTakeFirst();
      return Number(team?.seq ?? 0);
    },
    push: (auth, req, clock: ServerClock, quotaBytes) => d.write((tx) => applyPush(tx, d.forUpdate, auth, req, clock, quotaBytes)),
    async pull(auth, query, clock: ServerClock) {
      const page = await d.read((tx) => readPull(tx, auth, query, clock));
      // Apart from the read snapshot: a pull is a read, and this write is skipped unless the cursor moved.
      if (query.cursor > 0) await d.write((tx) => notePulled(tx, auth, query.clientId, Math.min(query.cursor, page.upTo)));
      return page;
    },
    async compactOpLog(now, retentionMs) {
      let n = 0;
      for (const { id } of await d.db.selectFrom('teams').select('id').execute()) {
        n += await d.write((tx) => compactExpired(tx, id, now - retentionMs));
      }
      return n;
    },
    async teamUsage(teamId) {
      const team = await d.db.selectFrom('teams').select('used_bytes').where('id', '=', teamId).executeTakeFirst();
      return Number(team?.used_bytes ?? 0);
    },
  };
}
