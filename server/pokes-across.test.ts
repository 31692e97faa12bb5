import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pokeChannel, startPokeRelay } from './store/pg-pokes';
import { createPostgresStore } from './store/postgres';
import { PokeHub } from './sync/poke-hub';
import { newPerson, startHarness, type Harness, type Member } from './test/harness';
import { EVENTS_PATH, eventually, pokes, within } from './test/pokes';
import { databaseUrl, scratchPostgresStore } from './test/stores';

/**
 * Several server processes on one PostgreSQL (issue #15 point 7): a push to one pokes the event
 * streams of the others through LISTEN/NOTIFY. PostgreSQL only, since SQLite is one process by
 * design. The first test runs server/main.ts as a real second OS process; the others use in-process
 * servers, each with its own pool, hub and LISTEN connection, which is all a process boundary adds.
 */

// Generous for a busy test machine: the 1 s target is what the first test logs, not what fails it.
const POKE_WAIT_MS = 5_000;

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A server on a fresh schema (dropped after the test, once the servers sharing it are closed). */
async function firstServer(): Promise<{ h: Harness; schema: string }> {
  let schema = '';
  const h = await startHarness({
    name: 'postgres',
    open: async () => {
      const opened = await scratchPostgresStore(databaseUrl(), 2);
      schema = opened.schema;
      return opened;
    },
  });
  cleanups.push(async () => {
    h.hub.close();
    await h.close();
  });
  return { h, schema };
}

/** Another server on the same schema, as a second process would open it. */
async function serverOn(schema: string): Promise<Harness> {
  const h = await startHarness({
    name: 'postgres',
    open: async () => {
      const store = createPostgresStore({ url: databaseUrl(), schema, maxConnections: 2 });
      return { store, cleanup: () => store.close() };
    },
  });
  cleanups.push(async () => {
    h.hub.close();
    await h.close();
  });
  return h;
}

const streamOn = async (h: Harness, m: Member) =>
  pokes(await h.app.request(EVENTS_PATH, { headers: { authorization: `Bearer ${m.token}` } }));

/** `npm run server` on the schema (through search_path in the URL, as an operator might set it). */
async function spawnServer(schema: string) {
  const url = new URL(databaseUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const base = await within(
    20_000,
    'second server process start',
    new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const started = /Clyde sync server on (http:\/\/\S+)/.exec(output);
        if (started?.[1]) resolve(started[1]);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => reject(new Error(`server exited (${code}): ${output}`)));
    }),
  );
  return {
    base,
    stop: () => {
      child.kill('SIGTERM');
      return within(15_000, 'second server process shutdown', exited);
    },
  };
}

describe('pokes across server processes (postgres)', () => {
  it('a push to one server pokes a client of a second server process', async () => {
    const { h: a, schema } = await firstServer();
    const member = await a.join(await a.newTeam());
    const b = await spawnServer(schema);
    const res = await fetch(`${b.base}${EVENTS_PATH}`, { headers: { authorization: `Bearer ${member.token}` } });
    const stream = pokes(res);
    expect(await within(POKE_WAIT_MS, 'first poke', stream.next())).toBe(0);

    // A few rounds, so the log shows a spread and not one cold request.
    const delays: string[] = [];
    for (let seq = 1; seq <= 5; seq++) {
      const started = performance.now();
      let answered = started;
      const pushed = member.pushOk([newPerson(seq, `p${seq}`, member)]).then(() => (answered = performance.now()));
      expect(await within(POKE_WAIT_MS, 'poke from the other process', stream.next())).toBe(seq);
      const poked = performance.now();
      await pushed;
      delays.push(`${(poked - started).toFixed(0)} ms (answered ${(answered - started).toFixed(0)} ms)`);
    }
    console.log(`Pokes reached the other process's client after (from the push's start): ${delays.join(', ')}.`);

    // The process exits by itself only once its LISTEN connection is closed too.
    expect(await b.stop()).toBe(0);
    expect(await stream.next()).toBe('closed');
  });

  it('pokes every server on the same schema once, and none on another schema', async () => {
    const { h: a, schema } = await firstServer();
    const b = await serverOn(schema);
    const { h: c, schema: otherSchema } = await firstServer();
    const d = await serverOn(otherSchema);
    expect(otherSchema).not.toBe(schema);
    const team = await a.newTeam();
    const [onA, onB] = [await a.join(team), await b.join(team)];
    const otherTeam = await c.newTeam();
    const [onC, onD] = [await c.join(otherTeam), await d.join(otherTeam)];
    const heardByC = vi.spyOn(c.hub, 'deliver');
    const streamA = await streamOn(a, onA);
    const streamB = await streamOn(b, onB);
    const streamC = await streamOn(c, onC);
    for (const s of [streamA, streamB, streamC]) expect(await within(POKE_WAIT_MS, 'first poke', s.next())).toBe(0);

    await onA.pushOk([newPerson(1, 'a1', onA)]);
    expect(await within(POKE_WAIT_MS, 'A’s poke on A', streamA.next())).toBe(1);
    expect(await within(POKE_WAIT_MS, 'A’s poke on B', streamB.next())).toBe(1);
    await onB.pushOk([newPerson(1, 'b1', onB)]);
    expect(await within(POKE_WAIT_MS, 'B’s poke on B', streamB.next())).toBe(2);
    // A hears its own NOTIFY before B's (one queue, in commit order), so a repeat of 1 would show here.
    expect(await within(POKE_WAIT_MS, 'B’s poke on A', streamA.next())).toBe(2);

    await onD.pushOk([newPerson(1, 'd1', onD)]);
    expect(await within(POKE_WAIT_MS, 'D’s poke on C', streamC.next())).toBe(1);
    // C hears its own schema, so the first schema's earlier pokes would have reached it by now.
    expect(heardByC.mock.calls).toEqual([[otherTeam, 1]]);
  });

  it('listens again after its connection is killed, and pokes flow again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { h: a, schema } = await firstServer();
    const b = await serverOn(schema);
    const member = await a.join(await a.newTeam());
    const stream = await streamOn(b, member);
    expect(await within(POKE_WAIT_MS, 'first poke', stream.next())).toBe(0);

    const killed = b.relay.listenerPid;
    expect(killed).toBeTypeOf('number');
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    cleanups.push(() => admin.end());
    const { rows } = await admin.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [killed]);
    expect(rows[0]?.done).toBe(true);
    await eventually(10_000, 'LISTEN again', () => b.relay.listenerPid !== undefined && b.relay.listenerPid !== killed);

    await member.pushOk([newPerson(1, 'p1', member)]);
    expect(await within(POKE_WAIT_MS, 'poke after the reconnect', stream.next())).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^Live pokes from other server processes paused.*Clients still pull periodically/);
    expect(log).toHaveBeenCalledWith('Live pokes from other server processes resumed.');
  });

  it('keeps retrying while PostgreSQL is unreachable, says so once, and stops on close', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const connects = vi.spyOn(pg.Client.prototype, 'connect');
    // Port 1 refuses at once, like a database that is down.
    const relay = await startPokeRelay(new PokeHub(), { connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    expect(relay.listenerPid).toBeUndefined();
    await eventually(10_000, 'three attempts', () => connects.mock.calls.length >= 3);
    expect(warn).toHaveBeenCalledTimes(1);
    await relay.close();
    const attempts = connects.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(connects.mock.calls.length).toBe(attempts);
  });

  it('notifies the team id and the seq, never record content', async () => {
    const { h: a, schema } = await firstServer();
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await listener.connect();
    cleanups.push(() => listener.end());
    const heard = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
    await listener.query(`LISTEN ${listener.escapeIdentifier(pokeChannel(schema))}`);
    const team = await a.newTeam();
    const member = await a.join(team);

    await member.pushOk([newPerson(1, 'record-id-xyz', member, { name: 'Ada Secretname' })]);
    const payload = await within(POKE_WAIT_MS, 'NOTIFY', heard);
    const notice: unknown = JSON.parse(payload);
    expect(notice).toEqual({ teamId: team, seq: 1, from: expect.any(String) });
    for (const content of ['Secretname', 'record-id-xyz', member.userId, member.deviceId]) expect(payload).not.toContain(content);
  });

  it('keeps channel names within PostgreSQL’s 63 bytes, one per schema', () => {
    expect(pokeChannel('clyde')).toBe('clyde_poke:clyde');
    const long = [pokeChannel('a'.repeat(63)), pokeChannel(`${'a'.repeat(62)}b`)];
    for (const name of long) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(long[0]).not.toBe(long[1]);
  });
});
