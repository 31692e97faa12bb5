import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_HOSTS } from '../../src/parsers/hosts';
import { EXTENSION_DIR, launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName, type } from './panel';
import { navigateInApp } from '../support/in-app-navigation';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

describe('the host page cannot read or steer the panel', () => {
  it('finds no trace of a note through the DOM, frames, selection or window.find', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    const canary = `CANARY${crypto.randomUUID().replaceAll('-', '')}`;
    await type(panel, 'First note', `${canary} lawsuit pending`);
    // Shown twice, in the timeline and in the brief's last-interaction line: neither may leak.
    await expect.poll(() => panel.getByText(canary).count()).toBe(2);
    await panel.getByTestId('brief').getByText(canary).waitFor();

    const probe = await page.evaluate((canary) => {
      const all = document.documentElement;
      getSelection()!.selectAllChildren(document.body);
      const found = {
        outerHTML: all.outerHTML.includes(canary),
        textContent: (all.textContent ?? '').includes(canary),
        innerText: all.innerText.includes(canary),
        selection: getSelection()!.toString().includes(canary),
        serialized:
          (all as HTMLElement & { getHTML?: (o: object) => string }).getHTML?.({ serializableShadowRoots: true }).includes(canary) ?? false,
        openShadowRoot: [...document.querySelectorAll('*')].some((el) => el.shadowRoot !== null),
        frames: window.frames.length,
        find: [canary, canary.slice(6, 20), 'lawsuit'].some((word) => {
          getSelection()!.removeAllRanges();
          // Non-standard, but every engine has it, and it sees text in closed shadow roots (security.md E1).
          return (window as unknown as { find(word: string, ...flags: boolean[]): boolean }).find(word, false, false, true);
        }),
        databases: indexedDB.databases().then((dbs) => dbs.map((d) => d.name)),
      };
      return found.databases.then((databases) => ({ ...found, databases }));
    }, canary);

    expect(probe).toEqual({
      outerHTML: false,
      textContent: false,
      innerText: false,
      selection: false,
      serialized: false,
      openShadowRoot: false,
      frames: 0,
      find: false,
      databases: [], // Clyde's data is in the extension origin, never in the site's IndexedDB
    });
    await page.close();
  });

  it('ignores postMessage from the page', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    // Every name the panel shows from here on, however briefly.
    await panel.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenNames: string[] }).seenNames = seen;
      const record = () => document.querySelectorAll('[data-testid=person-name]').forEach((el) => seen.push(el.textContent ?? ''));
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Resolves once the page's own listener has had the forged messages, so every listener in the
    // page, the content script's included, has been handed them.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const forged = {
            type: 'page/context',
            context: {
              site: 'gmail',
              view: 'thread',
              url: location.href,
              people: [{ name: 'Mallory', email: 'mallory@example.net', role: 'from' }],
            },
          };
          let delivered = 0;
          const sent = 2; // to this window, itself and as `top`; any frames get theirs
          addEventListener(
            'message',
            (e) => (e.data as { type?: string } | null)?.type === 'page/context' && ++delivered === sent && resolve(),
          );
          window.postMessage(forged, '*');
          for (let i = 0; i < window.frames.length; i++) window.frames[i]!.postMessage(forged, '*');
          window.top!.postMessage(forged, '*');
        }),
    );
    // A real page change after them: once the panel shows it, it has seen anything sent before it.
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');
    const seen = await panel.evaluate(() => (window as unknown as { seenNames: string[] }).seenNames);
    expect(seen.filter((name) => name.includes('Mallory'))).toEqual([]);
    await page.close();
  });
});

describe('hostile page data', () => {
  it('renders names with markup, RTL overrides, zero-width characters and 10,000 characters as bounded plain text', async () => {
    const f = fixture('gmail', 'hostile');
    const dialogs: string[] = [];
    clyde.context.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    const { page, panel } = await openMail(clyde, f);
    const chips = panel.getByRole('navigation', { name: 'People in this conversation' }).getByRole('button');
    await chips.first().waitFor();
    const expected = f.expected!.people.map((p) => p.name ?? p.email);
    expect(await chips.allTextContents()).toEqual(expected);

    for (let i = 0; i < expected.length; i++) {
      await chips.nth(i).click();
      await expect.poll(() => shownName(panel)).toBe(f.expected!.people[i]!.name ?? f.expected!.people[i]!.email);
      const box = await panel.getByTestId('person-name').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1400);
      expect(box!.height).toBeLessThan(40); // one line, truncated: a long name cannot push the panel around
    }
    const longest = Math.max(...expected.map((n) => [...new Intl.Segmenter().segment(n ?? '')].length));
    expect(longest).toBeLessThanOrEqual(200);
    expect(await panel.locator('main img[src="x"], main svg, main script').count()).toBe(0);
    expect(await panel.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('the built manifest', () => {
  it('exposes only the panel page, only to supported hosts, behind a per-session URL', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: PANEL_HOSTS, use_dynamic_url: true }]);
    expect(manifest.externally_connectable).toEqual({ ids: [] });
    expect(manifest.permissions).toEqual(expect.arrayContaining(['unlimitedStorage']));
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...PANEL_HOSTS].sort());
  });
});
