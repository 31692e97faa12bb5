import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchClyde, serve, type Clyde } from './browser';
import { fixture } from './fixtures';
import { navigateInApp } from '../support/in-app-navigation';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

/** Clyde in a window of its own, following the last focused browser window, as the side panel does. */
async function openSidePanel(): Promise<Page> {
  const opened = clyde.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/sidepanel.html'), timeout: 10_000 });
  const worker = clyde.context.serviceWorkers()[0]!;
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } };
    return chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false });
  });
  const panel = await opened;
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}

describe.each([
  // Real pages (anonymized): LinkedIn's 2026 server-driven profile; X logged out, then logged in with a Chinese interface.
  // The last path is a page of the site's own (no one's profile).
  ['LinkedIn', 'https://www.linkedin.com', fixture('linkedin', 'profile-sdui'), fixture('linkedin', 'profile-sdui-second'), '/feed/'],
  ['X', 'https://x.com', fixture('x', 'profile-logged-out-second'), fixture('x', 'profile-logged-in-zh'), '/home'],
])('%s profiles', (_, origin, first, second, sitePage) => {
  it('inserts nothing into the page, shows the profile in the side panel, clips it and follows in-app navigation and address changes', async () => {
    const pages = new Map([first, second].map((f) => [new URL(f.url).pathname.toLowerCase(), f.html]));
    await serve(clyde.context, origin, (url) => pages.get(url.pathname.toLowerCase()) ?? '<!doctype html><title>404</title>');
    const page = await clyde.context.newPage();
    await page.goto(first.url);
    await page.bringToFront();
    const panel = await openSidePanel();
    const name = first.expected!.people[0]!.name!;
    await panel.getByTestId('person-name').filter({ hasText: name }).waitFor({ timeout: 10_000 });

    // Nothing added to the page: its element count equals that of the served HTML, parsed afresh
    // (less what is inside <noscript>: a scripted page reads that as text, DOMParser as elements).
    // And no extension resource answers a page that probes for it (LinkedIn probes extensions).
    const dom = await page.evaluate(
      async ({ html, id }) => {
        const { trustedTypes } = window as unknown as {
          trustedTypes?: { createPolicy(n: string, p: object): { createHTML(s: string): string } };
        };
        const policy = trustedTypes?.createPolicy('dompurify', { createHTML: (s: string) => s });
        const fresh = new DOMParser().parseFromString(policy ? policy.createHTML(html) : html, 'text/html');
        const probe = await Promise.race([
          fetch(`chrome-extension://${id}/panel.html`).then(
            () => 'reachable',
            () => 'blocked',
          ),
          new Promise((resolve) => setTimeout(() => resolve('blocked'), 3000)),
        ]);
        const served = fresh.querySelectorAll('*').length - fresh.querySelectorAll('noscript *').length;
        return { live: document.querySelectorAll('*').length, served, probe };
      },
      { html: first.html, id: clyde.extensionId },
    );
    expect(dom).toEqual({ live: dom.served, served: dom.served, probe: 'blocked' });

    await panel.getByRole('button', { name: 'Clip profile' }).click();
    await panel.getByRole('status').filter({ hasText: 'Clipped as a new person.' }).waitFor({ timeout: 10_000 });
    await panel
      .getByTestId('note')
      .filter({ hasText: /Clipped from/ })
      .waitFor({ timeout: 10_000 });

    // History-API navigation as LinkedIn and X do it: the URL changes first, the profile renders later.
    await navigateInApp(page, second, 'history');
    await panel.getByTestId('person-name').filter({ hasText: second.expected!.people[0]!.name! }).waitFor({ timeout: 10_000 });

    // The address alone changes, to a page of the site's own, and nothing in the DOM does: the
    // parsers go by the address, so the content script must hear of it without a DOM change.
    await page.evaluate((path) => history.pushState({}, '', path), sitePage);
    await panel.getByTestId('no-one').waitFor({ timeout: 5_000 });
    await panel.close();
    await page.close();
  });
});
