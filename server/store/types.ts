import type { Role } from '../../src/sync/account-protocol';
import type { PullQuery, PullResponse, PushRequest, PushResponse } from '../../src/sync/protocol';
import type { PokeHub } from '../sync/poke-hub';
import type { ServerClock } from '../sync/server-clock';

/**
 * What the HTTP layer needs from storage. Two implementations share every query
 * (store/queries.ts, push.ts, pull.ts): SQLite (embedded default) and PostgreSQL.
 * Failures a client must see (gap, unknown client, bad cursor) are thrown as ApiError.
 */

/** Who is calling, resolved from a bearer token; every query is scoped by `teamId`. */
export interface AuthContext {
  teamId: string;
  userId: string;
  deviceId: string;
  role: Role;
}

export interface NewInvite {
  codeHash: string;
  teamId: string;
  role: Role;
  /** Set for a device link: joining adds a device to this user instead of making a new member. */
  userId: string | null;
  createdBy: string | null;
  maxUses: number;
  expiresAt: number;
  now: number;
}

export interface Redemption {
  codeHash: string;
  tokenHash: string;
  deviceName: string;
  userName: string;
  now: number;
}

interface DeviceInfo {
  id: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
}

export interface MeInfo {
  userName: string;
  teamName: string;
  devices: DeviceInfo[];
}

export interface PushOutcome {
  response: PushResponse;
  /** The team sequence after this push, for live pokes; unchanged when nothing new arrived. */
  seq: number;
  advanced: boolean;
}

/** Carries a hub's pokes to and from the other server processes on the same database. */
export interface PokeRelay {
  /** The PostgreSQL backend holding LISTEN while connected (pg_stat_activity.pid). */
  readonly listenerPid: number | undefined;
  close(): Promise<void>;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /** Closes the poke relay too. */
  close(): Promise<void>;
  /**
   * Connects `hub` to the other server processes on this database (PostgreSQL LISTEN/NOTIFY;
   * SQLite is one process by design, so there it relays nothing). At most once per store.
   */
  relayPokes(hub: PokeHub): Promise<PokeRelay>;
  createTeam(name: string, now: number): Promise<{ id: string; epoch: string }>;
  listTeamIds(): Promise<string[]>;
  /**
   * Gives every team a new epoch. Run once after restoring a backup: clients see the epoch
   * change, drop their server copies, pull everything again and resend every op they still hold,
   * instead of trusting cursors that may point past what the restored database has.
   */
  startNewEpoch(): Promise<void>;
  createInvite(invite: NewInvite): Promise<void>;
  /** Uses up one redemption of a live invite; undefined for unknown, expired or used-up codes. */
  redeemInvite(r: Redemption): Promise<AuthContext | undefined>;
  /** Undefined for unknown or revoked tokens and for disabled users. */
  authenticate(tokenHash: string, now: number): Promise<AuthContext | undefined>;
  /** Whether a device's token still works (for long-lived event streams). */
  deviceActive(deviceId: string): Promise<boolean>;
  me(auth: AuthContext): Promise<MeInfo>;
  /** False when the device is not the caller's (or, for admins, not in their team). */
  revokeDevice(auth: AuthContext, deviceId: string, now: number): Promise<boolean>;
  teamSeq(teamId: string): Promise<number>;
  /** Refused with 507 TEAM_QUOTA_EXCEEDED when it would grow the team past `quotaBytes` (quota.ts). */
  push(auth: AuthContext, req: PushRequest, clock: ServerClock, quotaBytes: number): Promise<PushOutcome>;
  /** Also notes how far the device has pulled, which lets its op log rows go (op-log-compaction.ts). */
  pull(auth: AuthContext, query: PullQuery, clock: ServerClock): Promise<PullResponse>;
  /** Drops op log rows older than `retentionMs` (each device's newest stays); returns how many. */
  compactOpLog(now: number, retentionMs: number): Promise<number>;
  /** Bytes the team holds, as the quota counts them. */
  teamUsage(teamId: string): Promise<number>;
}
