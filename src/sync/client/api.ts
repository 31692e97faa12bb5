import { z } from 'zod';
import { t } from '../../i18n';
import {
  InviteResponseSchema,
  JoinResponseSchema,
  MeResponseSchema,
  RotateTokenResponseSchema,
  TeamResponseSchema,
  type InviteResponse,
  type JoinRequest,
  type JoinResponse,
  type MeResponse,
  type Role,
  type TeamResponse,
} from '../account-protocol';
import { WritersResponseSchema, type Writer } from '../writers-protocol';
import { AboutResponseSchema, PullCountResponseSchema, type AboutResponse } from '../about-protocol';
import {
  ErrorBodySchema,
  PokeSchema,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  SCHEMA_VERSION,
  type Op,
  type PullResponse,
  type PushResponse,
} from '../protocol';

/** The subset of `fetch` the client uses; tests and the simulator pass one backed by `app.request`. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Every request gives up in time to finish within one MV3 service-worker window (security.md req. 19). */
const REQUEST_TIMEOUT_MS = 25_000;
/** The server sends a keep-alive every 25 s; a stream silent for longer than this is dead. */
const EVENTS_IDLE_MS = 60_000;

/**
 * A failed call, reduced to what the runner and the UI act on. `code` is the server's code
 * (`GAP`, `CLIENT_TOO_OLD`, `UNAUTHORIZED`, …) or one of ours: `NETWORK`, `TIMEOUT`,
 * `RATE_LIMITED`, `BAD_RESPONSE`, `HTTP_<status>`.
 */
export class SyncApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly extra: { retryAfterMs?: number; expectedClientSeq?: number } = {},
  ) {
    super(message);
    this.name = 'SyncApiError';
  }
}

interface PullParams {
  cursor: number;
  clientId: string;
  limit?: number;
  upTo?: number;
}

export interface SyncApi {
  join(req: JoinRequest): Promise<JoinResponse>;
  push(clientId: string, ops: Op[]): Promise<PushResponse>;
  pull(params: PullParams): Promise<PullResponse>;
  /** Yields the team seq of each poke until the stream ends or `signal` aborts. */
  events(signal: AbortSignal): AsyncGenerator<number>;
  /** A new token for this device; the current one works until the new one is first used. */
  rotateToken(): Promise<string>;
  me(): Promise<MeResponse>;
  /** Admins only: every member and device of the team. */
  team(): Promise<TeamResponse>;
  revokeDevice(deviceId: string): Promise<void>;
  /** Admins only. */
  disableMember(userId: string): Promise<void>;
  /** Admins only: re-enables a disabled member; the answer is their link for a new device. */
  enableMember(userId: string): Promise<InviteResponse>;
  /** A single-use link, valid 15 minutes, that adds a device to this member. */
  linkDevice(): Promise<InviteResponse>;
  /** Admins only: a single-use link, valid 3 days, for a new member. */
  invite(role: Role): Promise<InviteResponse>;
  /** The teammates behind these clock nodes (clientIds); unknown ones are left out. */
  writers(clientIds: string[]): Promise<Writer[]>;
  /** The records about the people with these `kind:value` identities; undefined from a server without the route. */
  about(clientId: string, identities: string[]): Promise<AboutResponse | undefined>;
  /** How many records a pull of (cursor, upTo] sends; undefined from a server without the route. */
  countPull(cursor: number, upTo: number): Promise<number | undefined>;
}

export function createSyncApi({ serverUrl, token, fetch }: { serverUrl: string; token?: string; fetch: Fetch }): SyncApi {
  const headers = (json: boolean): Record<string, string> => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(json ? { 'content-type': 'application/json' } : {}),
  });

  async function call<S extends z.ZodType>(schema: S, path: string, init: RequestInit): Promise<z.infer<S>> {
    const res = await send(path, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text().catch((err: unknown) => {
      throw networkError(err);
    });
    if (!res.ok) throw errorFrom(res, text);
    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) throw new SyncApiError('BAD_RESPONSE', t('syncErrors.badReply'), res.status);
    return parsed.data;
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      // Redirects could carry the bearer token to another host; a sync server never needs them.
      return await fetch(`${serverUrl}${path}`, { ...init, redirect: 'error', cache: 'no-store', credentials: 'omit' });
    } catch (err) {
      throw networkError(err);
    }
  }

  return {
    join: (req) => call(JoinResponseSchema, '/v1/join', { method: 'POST', headers: headers(true), body: JSON.stringify(req) }),
    push: (clientId, ops) =>
      call(PushResponseSchema, '/v1/sync/push', {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId, schemaVersion: SCHEMA_VERSION, ops }),
      }),
    rotateToken: async () =>
      (await call(RotateTokenResponseSchema, '/v1/account/token', { method: 'POST', headers: headers(true), body: '{}' })).token,
    me: () => call(MeResponseSchema, '/v1/me', { method: 'GET', headers: headers(false) }),
    team: () => call(TeamResponseSchema, '/v1/team', { method: 'GET', headers: headers(false) }),
    revokeDevice: async (deviceId) =>
      void (await call(z.unknown(), '/v1/devices/revoke', { method: 'POST', headers: headers(true), body: JSON.stringify({ deviceId }) })),
    disableMember: async (userId) =>
      void (await call(z.unknown(), '/v1/members/disable', { method: 'POST', headers: headers(true), body: JSON.stringify({ userId }) })),
    enableMember: (userId) =>
      call(InviteResponseSchema, '/v1/members/enable', { method: 'POST', headers: headers(true), body: JSON.stringify({ userId }) }),
    linkDevice: () => call(InviteResponseSchema, '/v1/devices/link', { method: 'POST', headers: headers(true), body: '{}' }),
    invite: (role) => call(InviteResponseSchema, '/v1/invites', { method: 'POST', headers: headers(true), body: JSON.stringify({ role }) }),
    pull: ({ cursor, clientId, limit, upTo }) => {
      const q = new URLSearchParams({ cursor: String(cursor), clientId, schemaVersion: String(SCHEMA_VERSION) });
      if (limit !== undefined) q.set('limit', String(limit));
      if (upTo !== undefined) q.set('upTo', String(upTo));
      return call(PullResponseSchema, `/v1/sync/pull?${q}`, { method: 'GET', headers: headers(false) });
    },
    writers: async (clientIds) =>
      (
        await call(WritersResponseSchema, '/v1/sync/writers', {
          method: 'POST',
          headers: headers(true),
          body: JSON.stringify({ clientIds }),
        })
      ).writers,
    about: (clientId, identities) =>
      unlessMissing(
        call(AboutResponseSchema, '/v1/sync/about', {
          method: 'POST',
          headers: headers(true),
          body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, identities }),
        }),
      ),
    async countPull(cursor, upTo) {
      const q = new URLSearchParams({ cursor: String(cursor), upTo: String(upTo), schemaVersion: String(SCHEMA_VERSION) });
      return (await unlessMissing(call(PullCountResponseSchema, `/v1/sync/pull/count?${q}`, { method: 'GET', headers: headers(false) })))
        ?.rows;
    },
    async *events(signal) {
      // Connecting has the usual timeout; once open, silence longer than two keep-alives ends it.
      const idle = new AbortController();
      let timer = setTimeout(() => idle.abort(), REQUEST_TIMEOUT_MS);
      const res = await send(`/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`, {
        method: 'GET',
        headers: { ...headers(false), accept: 'text/event-stream' },
        signal: AbortSignal.any([signal, idle.signal]),
      });
      if (!res.ok) throw errorFrom(res, await res.text().catch(() => ''));
      if (!res.body) throw new SyncApiError('BAD_RESPONSE', t('syncErrors.noStream'), res.status);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(), EVENTS_IDLE_MS);
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const seq = pokeSeq(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (seq !== undefined) yield seq;
          }
        }
      } catch (err) {
        if (signal.aborted) return;
        throw networkError(err);
      } finally {
        clearTimeout(timer);
        void reader.cancel().catch(() => undefined);
      }
    },
  };
}

/** The seq of one SSE `poke` event block; comments (keep-alives) and other events give nothing. */
export function pokeSeq(block: string): number | undefined {
  const lines = block.split('\n');
  if (!lines.includes('event: poke')) return undefined;
  const data = lines
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim())
    .join('\n');
  const poke = PokeSchema.safeParse(parseJson(data));
  return poke.success ? poke.data.seq : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A server older than a route answers 404 NOT_FOUND: the caller goes on without what it offers. */
async function unlessMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof SyncApiError && err.status === 404 && err.code === 'NOT_FOUND') return undefined;
    throw err;
  }
}

function networkError(err: unknown): SyncApiError {
  if (err instanceof SyncApiError) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new SyncApiError('TIMEOUT', t('syncErrors.timeout'));
  return new SyncApiError('NETWORK', t('syncErrors.network'));
}

function errorFrom(res: Response, text: string): SyncApiError {
  const body = ErrorBodySchema.safeParse(parseJson(text));
  const code = body.success ? body.data.code : `HTTP_${res.status}`;
  const message = body.success ? body.data.message : t('syncErrors.status', { status: String(res.status) });
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    return new SyncApiError('RATE_LIMITED', message, 429, {
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000,
    });
  }
  if (res.status === 401) return new SyncApiError('UNAUTHORIZED', message, 401);
  return new SyncApiError(code, message, res.status, body.success ? { expectedClientSeq: body.data.expectedClientSeq } : {});
}
