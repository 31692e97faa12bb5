import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, launchClyde, panelFrame, serve, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';
import { navigateInApp } from '../support/in-app-navigation';
import { poll } from '../support/poll';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

/** Opens the Gmail thread with `before` run in the page ahead of any script of its own or Clyde's. */
async function openMailWith(before: () => void): Promise<Page> {
  const f = fixture('gmail', 'thread-cc');
  await serve(clyde.context, new URL(f.url).origin, () => f.html);
  const page = await clyde.context.newPage();
  await page.addInitScript(before);
  await page.goto(f.url);
  return page;
}

/** The panel's frame once a new one has replaced `old`: an iframe moved in the DOM loads anew. */
async function nextPanel(page: Page, old: Frame): Promise<Frame> {
  const frame = await poll(() => page.frames().find((f) => f !== old && !f.isDetached() && f.url().includes('/panel.html')), {
    timeout: 15_000,
    message: () => 'No new panel frame',
  });
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/** What the page can see of Clyde: the elements under `<html>` besides its head and body (the panel's host). */
const hosts = (page: Page) =>
  page.evaluate(() => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length);

describe('Clyde says nothing to the page', () => {
  it("ships content scripts without WXT's context: no window message, no start-up handshake", () => {
    // If a WXT upgrade moved the module wxt.config.ts swaps out, its context would be back, silently.
    const dir = join(EXTENSION_DIR, 'content-scripts');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['mail.js', 'social.js']));
    for (const file of scripts) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toContain('postMessage');
      expect(code, file).not.toContain('content-script-started');
    }
  });

  it('posts no message the page can hear, on load or on in-app navigation', async () => {
    const page = await openMailWith(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      // Capturing, on the window: ahead of any listener the page could add later.
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
    });
    const panel = await panelFrame(page, clyde.extensionId);
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');
    // The page's own message proves the recorder works, and, arriving after everything Clyde
    // may have posted, that nothing else is still on its way.
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

  it("changes nothing when the page forges WXT's start-up message, or any variant of it", async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    await page.evaluate((id) => {
      const started = 'wxt:content-script-started';
      const forged = [
        // What WXT 0.20's context listened for; it ignored the first one in the top frame.
        ...['one', 'two', 'three'].map((messageId) => ({ type: `${id}:mail:${started}`, contentScriptName: 'mail', messageId })),
        { type: started, contentScriptName: 'mail', messageId: 'four' },
        { type: `${id}:social:${started}`, contentScriptName: 'social', messageId: 'five' },
        { type: `${id}:mail:${started}`, contentScriptName: 'mail' },
      ];
      for (const message of forged) postMessage(message, '*');
      // Later WXT releases announce a start with an event of that name on the window instead.
      for (const name of [`${id}:mail:${started}`, started]) dispatchEvent(new CustomEvent(name, { detail: { messageId: 'six' } }));
    }, clyde.extensionId);
    // A real page change after them: once the panel shows it, the content script has had them all.
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');
    expect(panel.isDetached()).toBe(false);
    expect(await hosts(page)).toBe(1);
    await page.close();
  });
});

describe('the panel stays when the page takes it away', () => {
  it('comes back, working, when the page removes its host or moves it into the page', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    await page.evaluate(() => [...document.documentElement.children].find((el) => el !== document.head && el !== document.body)!.remove());
    await expect.poll(() => hosts(page)).toBe(1);
    const back = await nextPanel(page, panel);
    expect(await shownName(back)).toBe('Bruno Costa');

    await page.evaluate(() =>
      document.body.append([...document.documentElement.children].find((el) => el !== document.head && el !== document.body)!),
    );
    await expect.poll(() => hosts(page)).toBe(1);
    const again = await nextPanel(page, back);
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(again)).toBe('Gabriela Souza');
    await page.close();
  });

  it('gives up after 5 returns when the page removes it in a loop, and then leaves the page alone', async () => {
    const page = await openMailWith(() => {
      let removals = 0;
      (window as unknown as { removals: () => number }).removals = () => removals;
      new MutationObserver(() => {
        for (const el of [...document.documentElement.children]) {
          if (el === document.head || el === document.body) continue;
          el.remove();
          removals++;
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const removals = () => page.evaluate(() => (window as unknown as { removals: () => number }).removals());
    // The first mount and 5 returns, each taken away at once.
    await expect.poll(removals).toBe(6);
    // Had Clyde kept trying, the page would have removed it again within a few frames.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(await removals()).toBe(6);
    expect(await hosts(page)).toBe(0);
    await page.close();
  });
});

describe('an update or reload of Clyde', () => {
  it("stops the old script, which takes its panel away at the page's next change", async () => {
    // A browser of its own: after this, it has no Clyde (this Chromium does not load a command-line
    // extension back after `runtime.reload()`, which is what an update looks like to the old script).
    const own = await launchClyde();
    try {
      const { page, panel } = await openMail(own, fixture('gmail', 'thread-cc'));
      await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
      // The worker ends as it reloads, which may fail the evaluation that ended it.
      await own.context
        .serviceWorkers()[0]!
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined);
      // Chromium leaves the old script running, orphaned, with a dead frame in the page; it sees
      // its `runtime.id` gone at the page's next change and stops, taking its host with it. A new
      // script mounting its own host (Firefox on an update, WXT's dev mode) is such a change.
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await expect.poll(() => hosts(page)).toBe(0);
    } finally {
      await own.close();
    }
  });
});
