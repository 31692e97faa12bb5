import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InviteResponseSchema, JoinResponseSchema } from '../src/sync/account-protocol';
import { AdminCommandError, runAdminCommand } from './admin-commands';
import { DEFAULT_DEVICE_IDLE_MS } from './app';
import { issueInvite } from './invites';
import { createSqliteStore } from './store/sqlite';
import { startHarness, type Harness, type Member } from './test/harness';
import { storeCases } from './test/stores';

describe.each(storeCases)('server commands for devices and members ($name)', (storeCase) => {
  let h: Harness;
  let admin: Member;
  let member: Member;
  beforeEach(async () => {
    h = await startHarness(storeCase);
    const team = await h.newTeam();
    admin = await h.join(team, 'admin');
    member = await h.join(team);
  });
  afterEach(() => h.close());

  const run = (cmd: Parameters<typeof runAdminCommand>[1]) =>
    runAdminCommand(h.store, cmd, h.clock.now(), DEFAULT_DEVICE_IDLE_MS, 'https://sync.example');
  const linkedDevice = async (by: Member) => {
    const { code } = InviteResponseSchema.parse(await (await by.call('POST', '/v1/devices/link', {})).json());
    const res = await h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Phone' }),
    });
    return JoinResponseSchema.parse(await res.json());
  };
  const status = async (token: string) => (await h.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status;

  it('lists members and devices with who linked them', async () => {
    const phone = await linkedDevice(member);
    const out = await run({ kind: 'list-devices' });
    expect(out).toContain(`(admin)  member ${admin.userId}`);
    expect(out).toContain(`(member)  member ${member.userId}`);
    expect(out).toMatch(new RegExp(`active {2}“Phone” ${phone.deviceId} .*linked by “Test device” ${member.deviceId}`));
    expect(out.split('\n').filter((l) => l.trim().startsWith('active'))).toHaveLength(3);
  });

  it('revokes a device and what it let in, and says so when there is no such device', async () => {
    const phone = await linkedDevice(member);
    expect(await run({ kind: 'revoke-device', deviceId: member.deviceId })).toMatch(/^Revoked device/);
    expect([await status(member.token), await status(phone.token), await status(admin.token)]).toEqual([401, 401, 200]);
    expect(await run({ kind: 'list-devices' })).toMatch(new RegExp(`revoked “Phone” ${phone.deviceId}`));
    await expect(run({ kind: 'revoke-device', deviceId: member.deviceId })).rejects.toThrow(AdminCommandError);
    await expect(run({ kind: 'revoke-device', deviceId: 'nope' })).rejects.toThrow(/No live device nope/);
  });

  it('disables a member, even the only admin (whose laptop may be the stolen one)', async () => {
    const phone = await linkedDevice(admin);
    expect(await run({ kind: 'disable-member', userId: admin.userId })).toMatch(/^Disabled member/);
    expect([await status(admin.token), await status(phone.token), await status(member.token)]).toEqual([401, 401, 200]);
    expect(await run({ kind: 'list-devices' })).toMatch(/\(admin, disabled \d{4}-\d\d-\d\d\)/);
    await expect(run({ kind: 'disable-member', userId: admin.userId })).rejects.toThrow(/No active member/);
  });

  it('re-enables a disabled member with a link to pass on, and says so when they are not disabled', async () => {
    await expect(run({ kind: 'enable-member', userId: admin.userId })).rejects.toThrow(/No disabled member/);
    await run({ kind: 'disable-member', userId: admin.userId });
    const out = await run({ kind: 'enable-member', userId: admin.userId });
    const code = /https:\/\/sync\.example\/join#(inv_\S+)$/.exec(out)?.[1];
    expect(out).toMatch(/^Re-enabled member .* old devices stay revoked/);
    const res = await h.app.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'New laptop' }),
    });
    const back = JoinResponseSchema.parse(await res.json());
    expect([back.userId, await status(back.token), await status(admin.token)]).toEqual([admin.userId, 200, 401]);
    // They come back as what they were: an admin.
    expect((await h.app.request('/v1/team', { headers: { authorization: `Bearer ${back.token}` } })).status).toBe(200);
  });
});

describe('npm run server -- --list-devices', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a command against the data directory and exits without serving', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clyde-admin-'));
    const store = createSqliteStore({ dataDir: dir });
    await store.migrate();
    const teamId = (await store.createTeam('Acme', Date.now())).id;
    await issueInvite(store, Date.now(), {
      teamId,
      role: 'admin',
      userId: null,
      createdBy: null,
      maxUses: 1,
      expiresAt: Date.now() + 60_000,
    });
    await store.close();
    const exec = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: '' };
    const { stdout } = await exec('npx', ['tsx', 'server/main.ts', '--data', dir, '--list-devices'], { env });
    expect(stdout.trim()).toBe(`Team ${teamId}`);
    const failed = await exec('npx', ['tsx', 'server/main.ts', '--data', dir, '--disable-member', 'nobody'], { env }).catch(
      (e: unknown) => e,
    );
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('No active member nobody') });
  }, 60_000);
});
