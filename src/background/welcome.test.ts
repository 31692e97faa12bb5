import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startWelcome } from './welcome';

type Details = { reason: string };
const fake = vi.hoisted(() => ({
  listeners: [] as ((details: Details) => void)[],
  created: [] as string[],
  local: new Map<string, unknown>(),
}));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://clyde${path}`,
      onInstalled: { addListener: (l: (details: Details) => void) => fake.listeners.push(l) },
    },
    storage: {
      local: {
        get: async (key: string) => (fake.local.has(key) ? { [key]: fake.local.get(key) } : {}),
        set: async (items: Record<string, unknown>) => Object.entries(items).forEach(([k, v]) => fake.local.set(k, v)),
      },
    },
    tabs: { create: async ({ url }: { url: string }) => void fake.created.push(url) },
  },
}));

const fire = (reason: string) => fake.listeners.forEach((l) => l({ reason }));
/** Lets the handler's storage reads and the tab it may create happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fake.listeners.length = 0;
  fake.created.length = 0;
  fake.local.clear();
  startWelcome();
});

describe('the welcome page on install', () => {
  it('opens once for a new install', async () => {
    fire('install');
    await vi.waitFor(() => expect(fake.created).toEqual(['chrome-extension://clyde/welcome.html']));
  });

  it('stays closed for an update of Clyde or of the browser, and for a shared module', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) fire(reason);
    await settle();
    expect(fake.listeners).toHaveLength(1);
    expect(fake.created).toEqual([]);
  });

  it('stays closed at a later "install" of the same profile, as Chromium reports for a command-line extension at every start', async () => {
    fire('install');
    await vi.waitFor(() => expect(fake.created).toHaveLength(1));
    fire('install');
    await settle();
    expect(fake.created).toHaveLength(1);
  });
});
