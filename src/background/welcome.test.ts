import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startWelcome } from './welcome';

type Details = { reason: string };
const listeners: ((details: Details) => void)[] = [];
const created: string[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://clyde${path}`,
      onInstalled: { addListener: (l: (details: Details) => void) => listeners.push(l) },
    },
    tabs: { create: async ({ url }: { url: string }) => void created.push(url) },
  },
}));

beforeEach(() => {
  listeners.length = 0;
  created.length = 0;
});

describe('the welcome page on install', () => {
  it('opens once for a new install', () => {
    startWelcome();
    for (const l of listeners) l({ reason: 'install' });
    expect(created).toEqual(['chrome-extension://clyde/welcome.html']);
  });

  it('stays closed for an update of Clyde or of the browser, and for a shared module', () => {
    startWelcome();
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) for (const l of listeners) l({ reason });
    expect(listeners).toHaveLength(1);
    expect(created).toEqual([]);
  });
});
