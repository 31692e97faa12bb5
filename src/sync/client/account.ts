import { device } from '../../storage/records/clock';
import type { ClydeDB } from '../../storage/db';
import { TEAM_META_KEYS } from '../../storage/keys';
import type { OutboxOp } from '../../storage/schema';
import { createSyncApi, type Fetch } from './api';
import { parseInvite } from './server-url';
import { getMeta, setMeta, syncTables, VIEW_ENTITIES, type Account } from './state';

export interface JoinInput {
  /** Optional when `inviteCode` is the whole `<server>/join#inv_…` link. */
  serverUrl?: string;
  inviteCode: string;
  deviceName: string;
  userName?: string;
}

/**
 * Joins a team server with an invite and makes this device's records the member's own. Records
 * made before joining are owned by a `local-…` user; in one transaction they, and the pending
 * ops that will carry them, are rewritten to the server's user id, so the first push creates
 * them under the right owner. A device that already pushed under someone gets a new clientId:
 * the server ties a clientId to one user.
 */
export async function joinTeam(db: ClydeDB, input: JoinInput, { fetch }: { fetch: Fetch }): Promise<Account> {
  const { serverUrl, code } = parseInvite(input.inviteCode, input.serverUrl);
  const joined = await createSyncApi({ serverUrl, fetch }).join({
    code,
    deviceName: input.deviceName,
    ...(input.userName ? { userName: input.userName } : {}),
  });
  const account: Account = { serverUrl, ...joined };
  await db.transaction('rw', syncTables(db), async () => {
    const me = await device(db);
    const isLocal = (owner: unknown) => typeof owner === 'string' && owner.startsWith('local-');
    await reownAll(db, isLocal, joined.userId);
    let clientId = me.clientId;
    if (await getMeta(db, 'pushed')) {
      clientId = crypto.randomUUID();
      await db.meta.delete('pushed');
      // The clock's node id is the clientId; keep its time so stamps stay monotonic.
      const hlc = await getMeta(db, 'hlc');
      if (hlc) await setMeta(db, 'hlc', { ...hlc, node: clientId });
    }
    await db.meta.bulkDelete(TEAM_META_KEYS);
    await setMeta(db, 'device', { clientId, userId: joined.userId });
    await setMeta(db, 'account', account);
  });
  return account;
}

/**
 * Leaves the team on this device: forgets the token and the server's copies, keeps the user's
 * own records and unsent edits (they become local again), and drops teammates' records that
 * only came from the team. Records with unsent local edits are kept, so no edit disappears.
 */
export async function leaveTeam(db: ClydeDB): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    const account = await getMeta(db, 'account');
    if (!account) return;
    const me = await device(db);
    const local = `local-${crypto.randomUUID()}`;
    // Acknowledged ops are on the team's server already; they have nothing left to carry.
    await db.outbox.where('state').equals('sent').delete();
    const edited = new Set((await db.outbox.toArray()).map((op) => `${op.entity}\u0000${op.id}`));
    for (const entity of VIEW_ENTITIES) {
      const table = db.table(entity);
      const theirs = (await table.toArray()).filter(
        (r: { id: string; ownerId: string }) => r.ownerId !== me.userId && !edited.has(`${entity}\u0000${r.id}`),
      );
      await table.bulkDelete(theirs.map((r: { id: string }) => r.id));
    }
    await reownAll(db, (owner) => owner === me.userId, local, { forgetServer: true });
    await db.srv.clear();
    await db.meta.bulkDelete(TEAM_META_KEYS);
    await setMeta(db, 'device', { clientId: me.clientId, userId: local });
  });
}

/**
 * Rewrites owner and private scope of every view record and outbox op whose owner matches.
 * `forgetServer` also marks every record as never confirmed by a server (rowSeq 0): after leaving,
 * no server stands behind them (sync/view.ts). Only records that change are written.
 */
async function reownAll(db: ClydeDB, matches: (owner: unknown) => boolean, to: string, { forgetServer = false } = {}): Promise<void> {
  for (const entity of VIEW_ENTITIES) {
    await db
      .table(entity)
      .toCollection()
      .modify((r: { ownerId: string; scope: string; rowSeq: number }) => {
        const mine = matches(r.ownerId);
        if (mine) {
          r.ownerId = to;
          if (r.scope !== 'team') r.scope = `user:${to}`;
        }
        const confirmed = forgetServer && r.rowSeq > 0;
        if (confirmed) r.rowSeq = 0;
        return mine || confirmed;
      });
  }
  await db.outbox.toCollection().modify((op: OutboxOp) => {
    if ('ownerId' in op.set && matches(op.set.ownerId)) op.set.ownerId = to;
    if (typeof op.set.scope === 'string' && op.set.scope.startsWith('user:') && matches(op.set.scope.slice(5))) op.set.scope = `user:${to}`;
  });
}
