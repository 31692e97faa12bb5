import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerClock } from '../sync/server-clock';
import * as accounts from './accounts';
import * as devices from './devices';
import { migrateToLatest } from './migrations';
import { countPull, readAbout } from './about';
import { readPull } from './pull';
import { compactExpired, notePulled } from './op-log-compaction';
import { applyPush } from './push';
import type { Db } from './queries';
import type { DB } from './tables';
import type { SyncStore } from './types';
import { writersOf } from './writers';

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
    async authenticate(tokenHash, now, idleMs) {
      const found = await devices.findByToken(d.db, tokenHash);
      if (!found) {
        const retired = await devices.retiredTokenOf(d.db, tokenHash);
        if (retired && now - retired.rotatedAt > devices.RETIRED_TOKEN_GRACE_MS) {
          await d.write((tx) => devices.revokeWithDescendants(tx, retired.teamId, [retired.deviceId], now));
        }
        return undefined;
      }
      const { lastSeenAt, createdAt, completesRotation, ...auth } = found;
      if (devices.isIdle({ lastSeenAt, createdAt }, now, idleMs)) return undefined;
      if (completesRotation) await d.write((tx) => devices.completeRotation(tx, auth.deviceId, tokenHash, now));
      // "Last seen" is coarse on purpose: a write per request would cost a disk sync on SQLite.
      else if (lastSeenAt === null || now - lastSeenAt > SEEN_RESOLUTION_MS) await accounts.touchDevice(d.db, auth.deviceId, now);
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
    rotateToken: (auth, tokenHash) => d.write((tx) => devices.setNextToken(tx, auth, tokenHash)),
    revokeDevice: (scope, deviceId, now) => d.write((tx) => devices.revokeDevice(tx, scope, deviceId, now)),
    disableMember: (teamId, userId, now) => d.write((tx) => devices.disableMember(tx, teamId, userId, now)),
    enableMember: (teamId, userId, link, now) => d.write((tx) => devices.enableMember(tx, teamId, userId, link, now)),
    listTeam: (teamId, now, idleMs) => d.read((tx) => devices.listTeam(tx, teamId, now, idleMs)),
    async teamSeq(teamId) {
      const team = await d.db.selectFrom('teams').select('seq').where('id', '=', teamId).executeTakeFirst();
      return Number(team?.seq ?? 0);
    },
    writers: (auth, clientIds) => d.read((tx) => writersOf(tx, auth.teamId, clientIds)),
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
    about: (auth, req) => d.read((tx) => readAbout(tx, auth, req)),
    countPull: (auth, query) => d.read((tx) => countPull(tx, auth, query)),
  };
}
