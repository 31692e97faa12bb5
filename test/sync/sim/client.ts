import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ClydeDB } from '../../../src/storage/db';
import { createSyncApi, type Fetch } from '../../../src/sync/client/api';
import { joinTeam } from '../../../src/sync/client/account';
import { syncOnce } from '../../../src/sync/client/runner';
import { getMeta } from '../../../src/sync/client/state';

/**
 * One simulated browser profile: the real database, mutators and sync runner over its own
 * fake IndexedDB. A crash drops the open database (and anything in flight with it) and opens
 * a new one on the same factory, which is what a killed service worker finds on restart.
 */
export class SimClient {
  db: ClydeDB;
  /** Added to virtual time while this client runs: its wall clock is wrong by this much. */
  skewMs = 0;
  userId: string | undefined;
  /** Local outbox keys of every op this client's mutators wrote (for invariant I3). */
  readonly generated = new Set<number>();
  /** The last full export this device saved, for a later restore (workload.ts). */
  backup: string | undefined;
  restores = 0;
  readonly fetch: Fetch;
  private readonly factory = new IDBFactory();

  constructor(
    readonly name: string,
    fetchFor: (c: SimClient) => Fetch,
  ) {
    this.db = this.open();
    this.fetch = fetchFor(this);
  }

  crash() {
    this.db.close();
    this.db = this.open();
  }

  async join(link: string, fetch: Fetch) {
    const account = await joinTeam(this.db, { inviteCode: link, deviceName: this.name }, { fetch });
    this.userId = account.userId;
  }

  async sync(now: () => number) {
    const account = await getMeta(this.db, 'account');
    if (!account) throw new Error(`${this.name} has not joined`);
    return syncOnce(this.db, createSyncApi({ serverUrl: account.serverUrl, token: account.token, fetch: this.fetch }), {
      now,
      pullLimit: 7,
    });
  }

  /** Runs a mutator and remembers the ops it appended; a mutator that throws wrote nothing. */
  async write(mutate: (db: ClydeDB) => Promise<unknown>): Promise<boolean> {
    const before = (await this.db.outbox.orderBy('clientSeq').last())?.clientSeq ?? 0;
    try {
      await mutate(this.db);
    } catch {
      return false;
    }
    // Sharing writes several ops (the record, its person, their identities).
    const keys = await this.db.outbox.where('clientSeq').above(before).primaryKeys();
    for (const k of keys) this.generated.add(k as number);
    return true;
  }

  private open() {
    return new ClydeDB(`sim-${this.name}`, { indexedDB: this.factory, IDBKeyRange });
  }
}
