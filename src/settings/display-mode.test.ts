import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISPLAY_MODE_KEY,
  loadModes,
  readModes,
  saveMode,
  watchMode,
  type DisplayMode,
  type MailSite,
  type SettingsArea,
  type SettingsEvents,
} from './display-mode';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;

/** An in-memory `storage.local` with its `onChanged`, as the browser behaves. */
function fakeStorage(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial));
  const listeners = new Set<Listener>();
  const area: SettingsArea = {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (next) => {
      for (const [key, value] of Object.entries(next)) items.set(key, structuredClone(value));
      for (const l of listeners) l(Object.fromEntries(Object.entries(next).map(([k, v]) => [k, { newValue: v }])));
    },
  };
  const events: SettingsEvents = { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) };
  return { area, events, items, listeners };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('display mode settings', () => {
  it('defaults every webmail site to the injected panel', async () => {
    expect(await loadModes(fakeStorage().area)).toEqual({ gmail: 'injected', outlook: 'injected' });
  });

  it('stores one site without touching the other', async () => {
    const { area, items } = fakeStorage();
    await saveMode(area, 'outlook', 'side-panel');
    expect(await loadModes(area)).toEqual({ gmail: 'injected', outlook: 'side-panel' });
    await saveMode(area, 'gmail', 'side-panel');
    await saveMode(area, 'outlook', 'injected');
    expect(items.get(DISPLAY_MODE_KEY)).toEqual({ gmail: 'side-panel', outlook: 'injected' });
  });

  it('refuses a mode or site that does not exist, and keeps what was stored', async () => {
    const { area, items } = fakeStorage({ [DISPLAY_MODE_KEY]: { gmail: 'side-panel' } });
    await expect(saveMode(area, 'gmail', 'popup' as DisplayMode)).rejects.toThrow();
    await expect(saveMode(area, 'linkedin' as MailSite, 'injected')).rejects.toThrow(/Not a webmail site/);
    expect(items.get(DISPLAY_MODE_KEY)).toEqual({ gmail: 'side-panel' });
  });

  it('reads any stored junk as valid modes (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const modes = readModes(stored);
        expect(Object.keys(modes).sort()).toEqual(['gmail', 'outlook']);
        for (const mode of Object.values(modes)) expect(['injected', 'side-panel']).toContain(mode);
      }),
    );
  });

  it('reports the mode at once, then each change for its own site only, until aborted', async () => {
    const { area, events, listeners } = fakeStorage({ [DISPLAY_MODE_KEY]: { gmail: 'side-panel' } });
    const seen: DisplayMode[] = [];
    const stop = new AbortController();
    watchMode(area, events, 'gmail', (m) => seen.push(m), stop.signal);
    await flush();
    expect(seen).toEqual(['side-panel']);
    await saveMode(area, 'outlook', 'side-panel'); // another site: gmail's mode is unchanged
    await saveMode(area, 'gmail', 'injected');
    await saveMode(area, 'gmail', 'side-panel');
    expect(seen).toEqual(['side-panel', 'injected', 'side-panel']);
    stop.abort();
    expect(listeners.size).toBe(0);
    await saveMode(area, 'gmail', 'injected');
    expect(seen).toEqual(['side-panel', 'injected', 'side-panel']);
  });

  it('lets a change that lands during the first read win over that read', async () => {
    const { area, events } = fakeStorage();
    let release!: () => void;
    const slow: SettingsArea = {
      ...area,
      get: async (key) => {
        const v = await area.get(key);
        await new Promise<void>((r) => (release = r));
        return v;
      },
    };
    const seen: DisplayMode[] = [];
    watchMode(slow, events, 'outlook', (m) => seen.push(m), new AbortController().signal);
    await area.set({ [DISPLAY_MODE_KEY]: { outlook: 'side-panel' } });
    release();
    await flush();
    expect(seen).toEqual(['side-panel']);
  });
});
