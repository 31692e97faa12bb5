import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { poll } from '../support/poll';

/** The Chrome build `npm run build` writes; e2e runs against exactly what users install. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium as tests and benches run it: headless, quiet, and asking the network for nothing of its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Clyde {
  context: BrowserContext;
  extensionId: string;
  /** The tab a fresh install opened, when launched with `keepWelcome`; otherwise already closed. */
  welcome?: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, in a fresh profile. Our own
 * `--disable-features` replaces Playwright's list, which turns off third-party storage
 * partitioning and makes Chromium deny IndexedDB to the extension frame inside a page.
 *
 * Installing Clyde into a fresh profile opens the welcome tab (src/background/welcome.ts) whenever
 * the worker gets to it, which would race any test that waits for "the next page" or looks at the
 * pages open. So the launch waits for that tab and closes it: every test starts from the same
 * pages, and the few that are about the welcome page pass `keepWelcome` and get it as `welcome`.
 */
export async function launchClyde({
  profileDir,
  headless = true,
  blockNetwork = true,
  keepWelcome = false,
  extensionDir = EXTENSION_DIR,
  locale = 'en-US',
}: {
  profileDir?: string;
  headless?: boolean;
  blockNetwork?: boolean;
  keepWelcome?: boolean;
  extensionDir?: string;
  locale?: string;
} = {}): Promise<Clyde> {
  const dir = profileDir ?? (await mkdtemp(join(tmpdir(), 'clyde-e2e-')));
  // A profile that has run Clyde before installs nothing, so no welcome tab comes to wait for.
  const installs = (await readdir(dir).catch(() => [])).length === 0;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1400, height: 900 },
    // The page's language (navigator.language, Intl) and the browser's own, which picks Clyde's
    // messages: Chromium on Linux takes it from LANGUAGE, not from --lang (i18n.test.ts: German).
    locale,
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    args: [
      ...CHROMIUM_FLAGS,
      `--lang=${locale}`,
      '--disable-features=Translate',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  // Nothing a fixture page asks for leaves the machine: a request that no `serve` answers gets a
  // 404 at once rather than waiting on DNS (the fixtures' photos on lh3.googleusercontent.com cost
  // a test up to 5 s). Later routes win, so `serve` still answers its origin; loopback (the sync
  // server under test) is left alone. Benchmarks opt out: every request this route takes is a
  // round trip to this Node process, on the cores a timed switch runs on.
  if (blockNetwork) {
    await context.route(
      (url) => /^https?:$/.test(url.protocol) && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
      (route) => route.fulfill({ status: 404, body: '' }),
    );
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const welcome = installs ? await welcomeTab(context, extensionId) : undefined;
  if (welcome && !keepWelcome) await welcome.close();
  return {
    context,
    extensionId,
    ...(keepWelcome && { welcome }),
    close: async () => {
      await context.close();
      if (!profileDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The tab Clyde's install opened at its welcome page. */
function welcomeTab(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  return poll(() => context.pages().find((p) => p.url() === url), {
    timeout: 15_000,
    interval: 50,
    message: () =>
      `Installing Clyde opened no ${url}; open: ${context
        .pages()
        .map((p) => p.url())
        .join(', ')}`,
  });
}

/** Serves the page `html(url)` returns for documents under `origin`, so pages load at their real URLs. */
export async function serve(context: BrowserContext, origin: string, html: (url: URL) => string): Promise<void> {
  await context.unroute(`${origin}/**`);
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html(new URL(route.request().url())) })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/** The panel's frame. It sits in a closed shadow root, so it is found among the page's frames. */
export async function panelFrame(page: Page, extensionId: string): Promise<Frame> {
  const frame = await poll(() => page.frames().find((f) => f.url().startsWith(`chrome-extension://`) && f.url().includes('/panel.html')), {
    timeout: 15_000,
    interval: 50,
    message: () => `No Clyde panel frame (extension ${extensionId}) in ${page.url()}`,
  });
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}
