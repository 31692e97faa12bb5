import type { Role, TeamResponse } from '../../src/sync/account-protocol';
import type { AboutRequest, AboutResponse, PullCountQuery } from '../../src/sync/about-protocol';
import type { Writer } from '../../src/sync/writers-protocol';
import type { PullQuery, PullResponse, PushRequest, PushResponse } from '../../src/sync/protocol';
import type { PokeHub } from '../sync/poke-hub';
import type { ServerClock } from '../sync/server-clock';
import type { ReturnLink, RevokeScope } from './devices';

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
  /** The device that made it; revoking that device revokes the invite (null: the server's own). */
  createdByDevice: string | null;
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
  linkedBy: string | null;
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
  /**
   * Undefined for unknown, revoked and retired tokens, for disabled users and for devices idle
   * longer than `idleMs`. The first use of a device's next token completes its rotation; a
   * retired token presented well after its rotation revokes the device (two holders of one token).
   */
  authenticate(tokenHash: string, now: number, idleMs: number): Promise<AuthContext | undefined>;
  /** Whether a device's token still works (for long-lived event streams). */
  deviceActive(deviceId: string): Promise<boolean>;
  me(auth: AuthContext): Promise<MeInfo>;
  /** Makes `tokenHash` the calling device's next token (its first use retires the current one). */
  rotateToken(auth: AuthContext, tokenHash: string): Promise<void>;
  /**
   * Revokes a device with the links it made and the devices that joined with them. `userId`
   * limits it to that member's devices. False when there is no such live device in scope.
   */
  revokeDevice(scope: RevokeScope, deviceId: string, now: number): Promise<boolean>;
  /** Disables a member with all their devices and unused links; false for no such active member. */
  disableMember(teamId: string, userId: string, now: number): Promise<boolean>;
  /** Re-enables a disabled member with one link that adds a device to them; false for no such disabled member. */
  enableMember(teamId: string, userId: string, link: ReturnLink, now: number): Promise<boolean>;
  listTeam(teamId: string, now: number, idleMs: number): Promise<TeamResponse>;
  teamSeq(teamId: string): Promise<number>;
  /** Who wrote with these clientIds (clock nodes), within the caller's team. */
  writers(auth: AuthContext, clientIds: readonly string[]): Promise<Writer[]>;
  /** Refused with 507 TEAM_QUOTA_EXCEEDED when it would grow the team past `quotaBytes` (quota.ts). */
  push(auth: AuthContext, req: PushRequest, clock: ServerClock, quotaBytes: number): Promise<PushOutcome>;
  /** Also notes how far the device has pulled, which lets its op log rows go (op-log-compaction.ts). */
  pull(auth: AuthContext, query: PullQuery, clock: ServerClock): Promise<PullResponse>;
  /** Drops op log rows older than `retentionMs` (each device's newest stays); returns how many. */
  compactOpLog(now: number, retentionMs: number): Promise<number>;
  /** Bytes the team holds, as the quota counts them. */
  teamUsage(teamId: string): Promise<number>;
  /** The records about the people with these identities, under the pull's access rule (store/about.ts). */
  about(auth: AuthContext, req: AboutRequest): Promise<AboutResponse>;
  /** How many records a pull of (cursor, upTo] sends this user. */
  countPull(auth: AuthContext, query: PullCountQuery): Promise<number>;
}
