import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { JoinResponseSchema, type Role } from '../../src/sync/account-protocol';
import { formatHlc } from '../../src/sync/hlc';
import {
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  SCHEMA_VERSION,
  type Op,
  type PullResponse,
  type PushResponse,
} from '../../src/sync/protocol';
import { createApp, type AppOptions } from '../app';
import type { AppEnv } from '../http/env';
import { issueInvite } from '../invites';
import type { PokeRelay, SyncStore } from '../store/types';
import { PokeHub } from '../sync/poke-hub';
import { ServerClock } from '../sync/server-clock';
import type { StoreCase } from './stores';

/** An in-process server on a fresh store, and helpers to act as team members against it. */

export interface Member {
  token: string;
  teamId: string;
  userId: string;
  deviceId: string;
  clientId: string;
  /** Any request with this member's token. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
  push(ops: Op[], clientId?: string): Promise<Response>;
  pushOk(ops: Op[]): Promise<PushResponse>;
  pull(query?: Record<string, string | number>): Promise<Response>;
  pullOk(query?: Record<string, string | number>): Promise<PullResponse>;
  /** Pulls every page from `cursor` to the pinned `upTo`. */
  pullAll(cursor?: number, limit?: number): Promise<PullResponse[]>;
}

export interface Harness {
  app: Hono<AppEnv>;
  store: SyncStore;
  clock: ServerClock;
  hub: PokeHub;
  relay: PokeRelay;
  newTeam(name?: string): Promise<string>;
  join(teamId: string, role?: Role): Promise<Member>;
  close(): Promise<void>;
}

/** A fresh harness on `storeCase` with one team, its admin `a` and a member `b`: how most server tests begin. */
export async function teamOfTwo(storeCase: StoreCase, opts: Partial<AppOptions> = {}): Promise<{ h: Harness; a: Member; b: Member }> {
  const h = await startHarness(storeCase, opts);
  const team = await h.newTeam();
  return { h, a: await h.join(team, 'admin'), b: await h.join(team) };
}

export async function startHarness(storeCase: StoreCase, opts: Partial<AppOptions> = {}): Promise<Harness> {
  const { store, cleanup } = await storeCase.open();
  await store.migrate();
  const clock = opts.clock ?? new ServerClock();
  const hub = opts.hub ?? new PokeHub();
  // As server/main.ts does, so every PostgreSQL test also runs with pokes crossing processes.
  const relay = await store.relayPokes(hub);
  const app = createApp({ limits: false, ...opts, store, clock, hub });

  const request = async (method: string, path: string, token: string | undefined, body?: unknown): Promise<Response> =>
    app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function join(teamId: string, role: Role = 'member'): Promise<Member> {
    const now = clock.now();
    const { code } = await issueInvite(store, now, { teamId, role, userId: null, createdBy: null, maxUses: 1, expiresAt: now + 60_000 });
    const res = await request('POST', '/v1/join', undefined, { code, deviceName: 'Test device' });
    if (res.status !== 200) throw new Error(`join failed: ${res.status} ${await res.text()}`);
    const joined = JoinResponseSchema.parse(await res.json());
    const clientId = `c${randomUUID().replaceAll('-', '')}`;
    const call = (method: string, path: string, body?: unknown) => request(method, path, joined.token, body);
    const push = (ops: Op[], cid = clientId) =>
      call('POST', '/v1/sync/push', { protocol: PROTOCOL_VERSION, clientId: cid, schemaVersion: SCHEMA_VERSION, ops });
    const pull = (query: Record<string, string | number> = {}) => {
      const params = new URLSearchParams({ cursor: '0', clientId, schemaVersion: String(SCHEMA_VERSION) });
      for (const [k, v] of Object.entries(query)) params.set(k, String(v));
      return call('GET', `/v1/sync/pull?${params}`);
    };
    const member: Member = {
      ...joined,
      clientId,
      call,
      push,
      async pushOk(ops) {
        const res = await push(ops);
        if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
        return PushResponseSchema.parse(await res.json());
      },
      pull,
      async pullOk(query) {
        const res = await pull(query);
        if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
        return PullResponseSchema.parse(await res.json());
      },
      async pullAll(cursor = 0, limit = 1000) {
        const pages: PullResponse[] = [];
        let page = await member.pullOk({ cursor, limit });
        pages.push(page);
        while (page.hasMore) {
          page = await member.pullOk({ cursor: page.cursor, limit, upTo: page.upTo });
          pages.push(page);
        }
        return pages;
      },
    };
    return member;
  }

  return {
    app,
    store,
    clock,
    hub,
    relay,
    newTeam: async (name = 'Team') => (await store.createTeam(name, clock.now())).id,
    join,
    close: cleanup,
  };
}

/** A clock stamp at a given wall time for a node; counters order stamps within one millisecond. */
export const stamp = (wall: number, node: string, counter = 0) => formatHlc({ wall, counter, node });

let wallBase = Date.now() - 10_000;
/** A fresh, increasing stamp for a client (ops in tests are stamped like a real client would). */
export const nextStamp = (node: string) => stamp(++wallBase, node);

/** A complete new person, private to `userId` unless shared. */
export function newPerson(clientSeq: number, id: string, m: Pick<Member, 'userId' | 'clientId'>, extra: Op['set'] = {}): Op {
  return {
    clientSeq,
    entity: 'people',
    id,
    hlc: nextStamp(m.clientId),
    set: { scope: `user:${m.userId}`, ownerId: m.userId, deleted: false, name: `Person ${id}`, ...extra },
  };
}

export function edit(clientSeq: number, entity: Op['entity'], id: string, set: Op['set'], node: string, hlc = nextStamp(node)): Op {
  return { clientSeq, entity, id, set, hlc };
}
