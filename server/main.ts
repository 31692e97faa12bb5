import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { AdminCommandError, runAdminCommand, type AdminCommand } from './admin-commands';
import { createApp } from './app';
import { inviteLink, issueInvite } from './invites';
import { createPostgresStore } from './store/postgres';
import { createSqliteStore } from './store/sqlite';
import { DEFAULT_STORAGE_LIMITS, type StorageLimits } from './store/storage-limits';
import type { SyncStore } from './store/types';
import { PokeHub } from './sync/poke-hub';

/**
 * `npm run server -- [--port 8787] [--data .data/] [--host 127.0.0.1] [--url https://…] [--trusted-proxies 1] [--invite] [--restored]
 *  [--device-idle-days 90]`, or one command that runs and exits: `--list-devices`, `--revoke-device <id>`, `--disable-member <id>`,
 *  `--enable-member <id>`.
 * PostgreSQL when DATABASE_URL is set, otherwise SQLite in the data directory. The first start
 * creates the team and prints one admin invite link; `--invite` prints a fresh one later (for
 * an admin who lost theirs). Invite links are single-use and expire after 7 days. `--restored`
 * after restoring a backup makes every client re-pull and resend (see SyncStore.startNewEpoch).
 * `--trusted-proxies 1` behind one reverse proxy, so the per-IP limits count each client apart.
 * `--device-idle-days` (or CLYDE_DEVICE_IDLE_DAYS): a device unused that long is refused.
 * `--team-quota-mb 1024` caps what one team stores (507 TEAM_QUOTA_EXCEEDED past it);
 * `--op-log-days 30` is how long the op log keeps an op its device has not pulled past.
 */
const ADMIN_INVITE_TTL_MS = 7 * 24 * 3_600_000;
const SHUTDOWN_GRACE_MS = 10_000;

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data/' },
    url: { type: 'string' },
    invite: { type: 'boolean', default: false },
    restored: { type: 'boolean', default: false },
    'trusted-proxies': { type: 'string', default: '0' },
    'team-name': { type: 'string', default: 'My team' },
    'device-idle-days': { type: 'string', default: process.env.CLYDE_DEVICE_IDLE_DAYS ?? '90' },
    'list-devices': { type: 'boolean', default: false },
    'revoke-device': { type: 'string' },
    'disable-member': { type: 'string' },
    'enable-member': { type: 'string' },
    'team-quota-mb': { type: 'string', default: String(DEFAULT_STORAGE_LIMITS.teamQuotaBytes / 1024 ** 2) },
    'op-log-days': { type: 'string', default: String(DEFAULT_STORAGE_LIMITS.opLogRetentionMs / 86_400_000) },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: ${args.port}`);
const trustedProxies = Number(args['trusted-proxies']);
if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10) {
  throw new Error(
    `--trusted-proxies takes how many reverse proxies stand in front of the server (0–10), not “${args['trusted-proxies']}”.`,
  );
}
const publicUrl = args.url ?? `http://${args.host}:${port}`;
const idleDays = Number(args['device-idle-days']);
// Below a day, "last seen" (written at most every few minutes) would be too coarse to trust.
if (!Number.isInteger(idleDays) || idleDays < 1 || idleDays > 3650) {
  throw new Error(`--device-idle-days takes whole days from 1 to 3650, not “${args['device-idle-days']}”.`);
}
const deviceIdleMs = idleDays * 24 * 3_600_000;
const command = adminCommandOf(args);
const quotaMb = Number(args['team-quota-mb']);
const opLogDays = Number(args['op-log-days']);
if (!(quotaMb >= 1) || !(opLogDays >= 1)) throw new Error('--team-quota-mb and --op-log-days take a number, at least 1.');
const storage: StorageLimits = { teamQuotaBytes: Math.round(quotaMb * 1024 ** 2), opLogRetentionMs: Math.round(opLogDays * 86_400_000) };
/** The retention sweep is cheap (an indexed delete per team) and nothing waits on it. */
const OP_LOG_SWEEP_MS = 3_600_000;

const databaseUrl = process.env.DATABASE_URL;
const store: SyncStore = databaseUrl ? createPostgresStore({ url: databaseUrl }) : createSqliteStore({ dataDir: args.data });
await store.migrate();

if (command) {
  try {
    console.log(await runAdminCommand(store, command, Date.now(), deviceIdleMs, publicUrl));
  } catch (err) {
    if (!(err instanceof AdminCommandError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
  process.exit();
}

if (args.restored) {
  await store.startNewEpoch();
  console.log('Started a new epoch: clients will pull everything again and resend what they hold.');
}

let [teamId] = await store.listTeamIds();
const firstStart = !teamId;
if (!teamId) teamId = (await store.createTeam(args['team-name'], Date.now())).id;
if (firstStart || args.invite) {
  const now = Date.now();
  const { code } = await issueInvite(store, now, {
    teamId,
    role: 'admin',
    userId: null,
    createdBy: null,
    maxUses: 1,
    expiresAt: now + ADMIN_INVITE_TTL_MS,
  });
  console.log(`Admin invite (single use, valid 7 days): ${inviteLink(publicUrl, code)}`);
}

const hub = new PokeHub();
// Other server processes on the same PostgreSQL poke this one's clients, and it pokes theirs.
await store.relayPokes(hub);
const app = createApp({ store, hub, trustedProxies, deviceIdleMs, storage });
const sweep = () =>
  store
    .compactOpLog(Date.now(), storage.opLogRetentionMs)
    .catch((err: unknown) => console.error(`Op log compaction failed: ${String(err)}`));
void sweep();
const sweeper = setInterval(() => void sweep(), OP_LOG_SWEEP_MS);
const server = serve({ fetch: app.fetch, port, hostname: args.host }, (info) => {
  console.log(`Clyde sync server on http://${info.address}:${info.port} (${store.kind}${databaseUrl ? '' : ` in ${args.data}`})`);
});

server.on('error', (err) => {
  console.error(`Cannot serve on ${args.host}:${port}: ${err.message}`);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests…`);
  // Stop accepting, end the event streams (they never finish on their own), let requests drain.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  hub.close();
  clearInterval(sweeper);
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const timeout = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  await closed;
  clearTimeout(timeout);
  await store.close();
  console.log('Stopped.');
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));

function adminCommandOf(a: typeof args): AdminCommand | undefined {
  const given = [
    a['list-devices'] ? ({ kind: 'list-devices' } as const) : undefined,
    a['revoke-device'] !== undefined ? ({ kind: 'revoke-device', deviceId: a['revoke-device'] } as const) : undefined,
    a['disable-member'] !== undefined ? ({ kind: 'disable-member', userId: a['disable-member'] } as const) : undefined,
    a['enable-member'] !== undefined ? ({ kind: 'enable-member', userId: a['enable-member'] } as const) : undefined,
  ].filter((c) => c !== undefined);
  if (given.length > 1) throw new Error('Give one of --list-devices, --revoke-device, --disable-member and --enable-member at a time.');
  return given[0];
}
