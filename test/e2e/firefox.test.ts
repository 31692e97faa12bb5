import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { fixture, type Fixture } from './fixtures';
import { GMAIL_DARK_CSS } from './gmail-dark';
import { navigateInApp } from '../support/in-app-navigation';
import { poll } from '../support/poll';
import { createApp } from '../../server/app';
import { inviteLink, issueInvite } from '../../server/invites';
import { DIR, launchFirefox, openIn, panelFrame, shownName, welcomeTabsOf, whereIs } from './firefox-driver';
import { createSqliteStore } from '../../server/store/sqlite';
import { DATA_SENT_TO_TEAM } from '../../src/sync/data-sent';
import { PANEL_LAYOUT_KEY } from '../../src/settings/local-keys';
import { coveredHeader, HEADERS, panelLeft, type Evaluates } from './room';

/**
 * Clyde in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, which installs the
 * unpacked Firefox build as a temporary add-on.
 *
 * Not driven: Firefox's sidebar itself. BiDi exposes no way to open `sidebar_action` (only a
 * user's click or keyboard shortcut may), so the sidebar's page is tested as a tab instead.
 */

let browser: Browser;
let welcome: Page;
beforeAll(async () => {
  browser = await launchFirefox();
  // The install opens the welcome tab when the background gets to it. Waited for here, so the
  // tests below that take "the page that was not there before" for a new window cannot get it.
  welcome = await poll(async () => (await welcomeTabs())[0], {
    timeout: 15_000,
    message: async () =>
      `Installing Clyde opened no welcome page; open: ${(await Promise.all((await browser.pages()).map(whereIs))).join(', ')}`,
  });
});
afterAll(() => browser?.close());

const openAt = (f: Fixture, more: Fixture[] = [], before?: () => void) => openIn(browser, f, more, before);
const welcomeTabs = () => welcomeTabsOf(browser);

/** The sidebar's page, opened by the panel frame `frame` in a window of its own (see below). */
async function openSidebarPage(frame: Frame): Promise<Page> {
  const before = new Set(await browser.pages());
  await frame.evaluate(() => void window.open('/sidepanel.html', 'clyde-sidebar', 'popup,width=400,height=700'));
  const sidebar = await poll(async () => (await browser.pages()).find((p) => !before.has(p)), {
    timeout: 10_000,
    message: () => 'No window opened for the sidebar page.',
  });
  // Polled from here: `waitForFunction` rebuilds its predicate with `Function()` inside the page,
  // which an extension page's CSP blocks (Firefox ESR 140.12 enforces it on WebDriver BiDi too).
  const path = () => sidebar.evaluate(() => location.pathname).catch(() => 'navigating');
  await poll(async () => (await path()) === '/sidepanel.html', {
    timeout: 10_000,
    message: async () => `The popup never reached the sidebar page; it is at ${await path()}.`,
  });
  return sidebar;
}

/** Whether the panel's stored layout (`key`: content/panel-layout.ts) is not collapsed; run in an extension page. */
async function storedOpen(key: string): Promise<boolean> {
  type Local = { get(key: string): Promise<Record<string, { collapsed?: boolean } | undefined>> };
  const local = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage.local;
  return (await local.get(key))[key]?.collapsed === false;
}

describe('Firefox', () => {
  it('has a manifest Firefox accepts: sidebar_action for the side panel, a gecko id, no Chrome-only keys', () => {
    const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: 'Clyde' });
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'clyde@clyde-crm.org' } });
    for (const key of ['side_panel', 'externally_connectable']) expect(manifest).not.toHaveProperty(key);
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  it('opens the welcome page on install, and Skip closes its tab', async () => {
    await welcome.waitForSelector('::-p-text(Welcome to Clyde)', { timeout: 10_000 });
    const skip = (await welcome.waitForSelector('::-p-aria(Skip[role="button"])'))!;
    await skip.click();
    await poll(async () => (await welcomeTabs()).length === 0, { message: () => 'Skip left the welcome tab open.' });
  });

  it('shows the Gmail correspondent in the injected panel at the real Gmail URL', async () => {
    const f = fixture('gmail', 'thread-cc');
    const page = await openAt(f);
    const panel = await panelFrame(page);
    const name = await panel.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    expect(await name!.evaluate((el) => el.textContent)).toBe('Bruno Costa');
    // The host page sees no CRM text: the frame is an extension document behind a closed shadow root.
    expect(await page.evaluate(() => document.body.innerText.includes('Remember'))).toBe(false);
    await page.close();
  });

  it.each([
    ['gmail', 'thread-wide'],
    ['outlook', 'reading-wide'],
  ] as const)(
    'makes room beside %s: no control of the thread header lies under the panel, and collapsing gives it back',
    async (site, name) => {
      // Puppeteer types `evaluate`'s argument through its handle types; the geometry helpers pass plain data.
      const page = (await openAt(fixture(site, name))) as Page & Evaluates;
      await page.setViewport({ width: 1400, height: 900 });
      const panel = await panelFrame(page);
      await panel.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
      const width = () => page.evaluate(() => document.documentElement.getBoundingClientRect().width);
      const left = await panelLeft(page);
      expect(left).toBeLessThan(1400 - 200);
      await poll(async () => (await width()) === left, {
        timeout: 5_000,
        message: async () => `The page is ${await width()} px wide beside a panel at ${left}.`,
      });
      expect(await coveredHeader(page, HEADERS[site])).toEqual({ found: HEADERS[site].length, covered: [] });
      // The host's collapse button and tab, in its closed shadow root, are reached by position as in gmail.test.ts.
      await page.mouse.click(1400 - 10 - 14, 10 + 14);
      await poll(async () => (await width()) === 1400, {
        timeout: 5_000,
        message: async () => `Collapsed, the page stays ${await width()} px wide.`,
      });
      await page.mouse.click(1400 - 8, 900 * 0.55 + 20);
      await poll(async () => (await width()) === left, {
        timeout: 5_000,
        message: async () => `Reopened, the page is ${await width()} px wide.`,
      });
      expect(await coveredHeader(page, HEADERS[site])).toEqual({ found: HEADERS[site].length, covered: [] });
      // Closed only once the reopened layout is stored: a write still on its way when the tab goes
      // can be lost, and every page after would open with the panel collapsed (a CI run failed so).
      await poll(() => panel.evaluate(storedOpen, PANEL_LAYOUT_KEY), {
        timeout: 5_000,
        message: () => 'The reopened layout was never stored.',
      });
      await page.close();
    },
  );

  it('serves the sidebar page, which follows the mail tab and shows its person', async () => {
    const f = fixture('gmail', 'thread-cc');
    const page = await openAt(f);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    // BiDi may not navigate a tab to a moz-extension:// page, and the frame has no `windows` API,
    // so the panel frame (an extension document) opens the sidebar's page in a window of its own
    // (Firefox ESR 140.12 makes it a normal window, not a popup); like the sidebar, it follows the
    // active tab of the last focused other window.
    const sidebar = await openSidebarPage(frame);
    const name = await sidebar.waitForSelector('[data-testid=person-name]', { timeout: 15_000 });
    expect(await name!.evaluate((el) => el.textContent)).toBe('Bruno Costa');
    await sidebar.close();
    await page.close();
  });

  it('follows in-app navigation in the injected panel, which has no storage.session, and posts the page no message', async () => {
    const page = await openAt(fixture('gmail', 'thread-cc'), [], () => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
    });
    const panel = await panelFrame(page);
    await poll(async () => (await shownName(panel)) === 'Bruno Costa', {
      timeout: 15_000,
      message: () => 'The panel never showed Bruno Costa.',
    });
    // What the background relays to this frame (useTabContext.ts): Firefox still gives it no storage.session.
    expect(
      await panel.evaluate(() => typeof (globalThis as { browser?: { storage: { session?: unknown } } }).browser?.storage.session),
    ).toBe('undefined');
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await poll(async () => (await shownName(panel)) === 'Gabriela Souza', {
      timeout: 10_000,
      message: async () => `The panel shows ${(await shownName(panel)) || 'no one'} after the thread changed.`,
    });
    // The page's own message proves the recorder works and comes after anything Clyde posted (page-quiet.test.ts).
    const heard = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          addEventListener('message', () => resolve((window as unknown as { heard: string[] }).heard));
          postMessage('the page itself', '*');
        }),
    );
    expect(heard).toEqual(['"the page itself"']);
    await page.close();
  });

  it('the injected panel follows Gmail switching to its dark theme without reloading, through the relay (no storage.session)', async () => {
    const page = await openAt(fixture('gmail', 'thread-cc'));
    const panel = await panelFrame(page);
    await poll(async () => (await shownName(panel)) === 'Bruno Costa', { timeout: 15_000 });
    const theme = () => panel.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    await panel.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    }, GMAIL_DARK_CSS);
    await poll(async () => (await theme()) === 'dark', { timeout: 10_000, message: async () => `The panel stayed ${await theme()}.` });
    expect(await panel.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.close();
  });

  it('after an update, shows one panel, the new one, in a page that was open', async () => {
    const page = await openAt(fixture('gmail', 'thread-cc'));
    await poll(async () => (await shownName(await panelFrame(page))) === 'Bruno Costa', { timeout: 15_000 });
    // Installing the same add-on again is how a temporary add-on is updated.
    await browser.installExtension(DIR);
    // What the page can see of Clyde: the elements under `<html>` besides its head and body.
    const hosts = () =>
      page.evaluate(() => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length);
    // Firefox runs the new script in the open page and shuts the old one down, host left behind;
    // the new one removes it (stale-hosts.ts), so the panel found is the new one's, and the only one.
    await poll(async () => (await hosts()) === 1 && (await shownName(await panelFrame(page))) === 'Bruno Costa', {
      timeout: 15_000,
      message: async () => `${await hosts()} panel hosts in the page after the update.`,
    });
    // The new background has run by now, and an update is no install: no welcome page again.
    expect(await welcomeTabs()).toEqual([]);
    await page.close();
  });

  it('follows History-API navigation on LinkedIn, where the sidebar page shows the profile', async () => {
    const [first, second] = [fixture('linkedin', 'profile-sdui'), fixture('linkedin', 'profile-sdui-second')];
    const page = await openAt(fixture('gmail', 'thread-cc'), [first, second]);
    const sidebar = await openSidebarPage(await panelFrame(page));
    // The tab the sidebar follows moves on to LinkedIn, which navigates with the History API.
    await page.goto(first.url);
    const seen = (name: string) => async () => `The sidebar shows ${(await shownName(sidebar)) || 'no one'}, not ${name}.`;
    const firstName = first.expected!.people[0]!.name!;
    await poll(async () => (await shownName(sidebar)) === firstName, { timeout: 15_000, message: seen(firstName) });
    await navigateInApp(page, second, 'history');
    const secondName = second.expected!.people[0]!.name!;
    await poll(async () => (await shownName(sidebar)) === secondName, { timeout: 10_000, message: seen(secondName) });
    // The address alone changes (nothing in the DOM does): the content script hears it from the
    // Navigation API in its isolated world, and the feed shows no one.
    await page.evaluate(() => history.pushState({}, '', '/feed/'));
    await poll(() => sidebar.$('[data-testid=no-one]'), { timeout: 5_000, message: seen('no one') });
    await sidebar.close();
    await page.close();
  });

  it('shows the day’s digest as a notification, without the snooze button Firefox refuses', async () => {
    const page = await openAt(fixture('gmail', 'thread-cc'));
    const frame = await panelFrame(page);
    await (await frame.waitForSelector('::-p-text(Log this email)', { timeout: 15_000 }))!.click();
    const box = (await frame.waitForSelector('textarea[aria-label="Quick capture"]', { timeout: 10_000 }))!;
    await box.type('Send the quote today');
    await (await frame.waitForSelector('button[title^="Tag as promise"]'))!.click();
    await box.press('Enter');
    await frame.waitForSelector('[data-testid=task]', { timeout: 10_000 });

    // An extension page in a window of its own (as for the sidebar above) fires the digest's
    // alarm now: alarms belong to the add-on, so the background hears it as it would at 08:30.
    const before = new Set(await browser.pages());
    await frame.evaluate(() => void window.open('/options.html', 'clyde-options', 'popup,width=500,height=700'));
    const options = await poll(async () => (await browser.pages()).find((p) => !before.has(p)), {
      timeout: 10_000,
      message: () => 'No window opened for the options page.',
    });
    await poll(async () => (await options.evaluate(() => location.pathname).catch(() => '')) === '/options.html', { timeout: 10_000 });
    await poll(() => options.evaluate(() => document.body.textContent?.includes('Daily digest at')), { timeout: 10_000 });
    type Listener = { addListener(l: (id: string) => void): void };
    type Api = { alarms: { create(n: string, i: object): Promise<void> }; notifications: { onShown: Listener; onClosed: Listener } };
    type Extension = { browser: Api; seenNotifications: string[] };
    await options.evaluate(() => {
      const page = globalThis as unknown as Extension;
      page.seenNotifications = [];
      // Every page of the add-on hears of its notifications. Headless Firefox has nowhere to show
      // one and closes it at once, so `getAll` may already be empty: onClosed is what arrives
      // there (onShown, a Firefox-only event, with a display).
      page.browser.notifications.onShown.addListener((n) => page.seenNotifications.push(n));
      page.browser.notifications.onClosed.addListener((n) => page.seenNotifications.push(n));
      return page.browser.alarms.create('clyde-reminders:digest', { when: Date.now() });
    });
    // There was one, so Firefox took its options: given `buttons`, it throws and creates nothing.
    const id = await poll(
      async () =>
        (await options.evaluate(() => (globalThis as unknown as Extension).seenNotifications)).find((n) => n.startsWith('clyde-digest:')),
      { timeout: 10_000, message: () => 'Firefox made no digest notification.' },
    );
    expect(id).toMatch(/^clyde-digest:.+/);
    await options.close();
    await page.close();
  });

  it('asks Firefox for the data consent when joining a team, and sends nothing once it is taken back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clyde-ff-team-'));
    const store = createSqliteStore({ dataDir: dir });
    await store.migrate();
    const teamId = (await store.createTeam('Firefox team', Date.now())).id;
    const server = serve({ fetch: createApp({ store }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const now = Date.now();
      const { code } = await issueInvite(store, now, {
        teamId,
        role: 'member',
        userId: null,
        createdBy: null,
        maxUses: 1,
        expiresAt: now + 3_600_000,
      });
      const page = await openAt(fixture('gmail', 'thread-cc'));
      const frame = await panelFrame(page);
      const before = new Set(await browser.pages());
      await frame.evaluate(() => void window.open('/options.html', 'clyde-options', 'popup,width=900,height=900'));
      const options = await poll(async () => (await browser.pages()).find((p) => !before.has(p)), {
        timeout: 10_000,
        message: () => 'No window opened for the options page.',
      });
      // In the options page, `browser` is the WebExtension API (here it would name puppeteer's).
      type Permissions = { getAll(): Promise<{ data_collection?: string[] }>; remove(p: object): Promise<boolean> };
      const granted = () =>
        options.evaluate(() => (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions.getAll());
      const invite = await options.waitForSelector('::-p-aria(Invite link)', { timeout: 15_000 });
      expect((await granted()).data_collection ?? []).toEqual([]);
      await invite!.type(inviteLink(base, code));
      await (await options.waitForSelector('::-p-aria(Connect[role="button"])'))!.click();
      await options.waitForSelector('::-p-text(Sync now)', { timeout: 15_000 });
      expect([...((await granted()).data_collection ?? [])].sort()).toEqual([...DATA_SENT_TO_TEAM].sort());

      // Taken back, as about:addons → Permissions does: the next round sends nothing and says why.
      await options.evaluate(
        (kinds) =>
          (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions.remove({ data_collection: kinds }),
        [...DATA_SENT_TO_TEAM],
      );
      await (await options.waitForSelector('::-p-aria(Sync now[role="button"])'))!.click();
      await options.waitForSelector('::-p-text(Firefox no longer lets Clyde send)', { timeout: 15_000 });
      await options.close();
      await page.close();
    } finally {
      // The background's event stream stays open; close() alone would wait for it.
      await new Promise((r) => {
        server.close(r);
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
