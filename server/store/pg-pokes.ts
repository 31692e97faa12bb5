import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import type { PokeHub } from '../sync/poke-hub';
import type { PokeRelay } from './types';

/**
 * Live pokes across server processes on one PostgreSQL (issue #15 point 7). Each process holds
 * one connection of its own for them, outside the pool: LISTEN belongs to a session, and a pooled
 * session is lent to other queries and may be closed when idle. On it the process LISTENs on its
 * store's channel and NOTIFYs its own pokes once the push has committed (not inside the push
 * transaction: a NOTIFY there takes a database-wide lock at COMMIT, serialising every team's pushes).
 *
 * A process pokes its own streams directly and skips the echo of its NOTIFY by the `from` id in the
 * payload. Sending everything round through PostgreSQL would be one path, but then a lost LISTEN
 * connection would silence even a single server's pokes; this way it only delays the other
 * processes' clients until their periodic pull.
 *
 * The payload is the team id, the new seq and the sender's random id: never record content, which
 * every session of the database could read. NOTIFY stays within one database, and the channel is
 * named after the schema the tables live in, so Clyde servers in different schemas don't mix.
 */

const PokeNotice = z.object({ teamId: z.string().min(1).max(200), seq: z.number().int().nonnegative(), from: z.string() }).strict();

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;
/**
 * A LISTEN connection only ever waits, so one dropped silently (a NAT or firewall forgetting it)
 * would never error on its own: a query now and then finds out, and the timeout bounds the wait.
 */
const HEARTBEAT_MS = 30_000;
const TIMEOUT_MS = 10_000;

/** Channels are identifiers of at most 63 bytes, so a long schema name is hashed. */
export function pokeChannel(schema: string): string {
  const name = `clyde_poke:${schema}`;
  return Buffer.byteLength(name) <= 63 ? name : `clyde_poke:${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}

/** Connects (retrying with backoff until it does) and wires `hub` to the other processes. */
export async function startPokeRelay(hub: PokeHub, connection: pg.ClientConfig): Promise<PokeRelay> {
  const from = randomUUID();
  let client: pg.Client | undefined;
  let listenerPid: number | undefined;
  let channel: string | undefined;
  let closed = false;
  let failures = 0;
  let outage = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  function receive(payload: string | undefined) {
    let notice: z.infer<typeof PokeNotice>;
    try {
      notice = PokeNotice.parse(JSON.parse(payload ?? ''));
    } catch {
      return; // Any session may NOTIFY on the channel; only well-formed pokes count.
    }
    if (notice.from !== from) hub.deliver(notice.teamId, notice.seq);
  }

  async function connect(): Promise<void> {
    retry = undefined;
    const c = new pg.Client({
      ...connection,
      application_name: 'clyde-pokes',
      connectionTimeoutMillis: TIMEOUT_MS,
      query_timeout: TIMEOUT_MS,
      keepAlive: true,
    });
    let gone = false;
    let heartbeat: NodeJS.Timeout | undefined = undefined;
    const drop = (err?: Error) => {
      if (gone) return;
      gone = true;
      clearInterval(heartbeat);
      if (client === c) client = undefined;
      if (err) c.end().catch(() => {});
      if (closed) return;
      // Once per outage, not per retry: the operator needs to know, the log needs no flood.
      if (!outage) {
        outage = true;
        console.warn(
          `Live pokes from other server processes paused, the PostgreSQL LISTEN connection is lost (${err?.message ?? 'closed'}). ` +
            'Clients still pull periodically; reconnecting.',
        );
      }
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++);
      // Jitter, so servers that lost the database together don't all come back in step.
      retry = setTimeout(() => (attempt = connect()), delay * (0.5 + Math.random() / 2));
    };
    c.on('error', drop);
    c.on('end', () => drop());
    c.on('notification', (n) => {
      if (n.channel === channel) receive(n.payload);
    });
    try {
      await c.connect();
      const { rows } = await c.query<{ schema: string | null; pid: number }>('SELECT current_schema() AS schema, pg_backend_pid() AS pid');
      channel ??= pokeChannel(rows[0]?.schema ?? 'public');
      listenerPid = rows[0]?.pid;
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (err) {
      drop(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (gone) return;
    if (closed) {
      gone = true;
      await c.end();
      return;
    }
    client = c;
    heartbeat = setInterval(() => c.query('SELECT 1').catch((err: Error) => drop(err)), HEARTBEAT_MS);
    failures = 0;
    if (outage) console.log('Live pokes from other server processes resumed.');
    outage = false;
  }

  hub.forwardTo((teamId, seq) => {
    const c = client;
    // Without the connection the other processes' clients catch up by their periodic pull.
    if (!c || !channel) return;
    c.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ teamId, seq, from })]).catch((err: Error) => {
      if (client === c) console.error(`Could not pass a poke to the other server processes: ${err.message}`);
    });
  });

  attempt = connect();
  await attempt;
  return {
    get listenerPid() {
      return client ? listenerPid : undefined;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      hub.forwardTo(() => {});
      await attempt;
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}
