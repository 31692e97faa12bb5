// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_RELAY } from '../messaging/protocol';
import type { PageContext } from '../parsers/schema';
import { SESSION, type TabContext } from '../storage/keys';
import { testRoot } from '../../test/support/react-root';

// The browser as the injected panel sees it: the background answers `panel/hello` with the tab,
// and `storage.session` is there or not (Firefox's frame). No `runtime.onMessage`: the panel must
// not need one, the background's is the extension's only listener.
type Changes = Record<string, { newValue?: unknown }>;
const listeners = new Set<(changes: Changes) => void>();
let stored: Record<string, unknown> = {};
let hello: unknown;
let hasSession = true;
const session = {
  get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
  onChanged: {
    addListener: (l: (c: Changes) => void) => listeners.add(l),
    removeListener: (l: (c: Changes) => void) => listeners.delete(l),
  },
};
vi.mock('wxt/browser', () => ({
  browser: {
    // `hello` may be a function: what happens while the background answers, then the answer.
    runtime: { sendMessage: async () => (typeof hello === 'function' ? (hello as () => unknown)() : hello) },
    storage: {
      get session() {
        return hasSession ? session : undefined;
      },
    },
  },
}));

const { useTabView } = await import('./useTabContext');
const { helloEarly } = await import('./panel-tab');

const person = (name: string): PageContext => ({
  site: 'gmail',
  view: 'thread',
  url: `https://mail.google.com/mail/u/0/#inbox/${name}`,
  people: [{ name, email: `${name.toLowerCase()}@example.com`, role: 'from' }],
});
const copy = (name: string, at: number): TabContext => ({ context: person(name), at });
const key = SESSION.context.name(7);

function Probe() {
  const { tabId, context } = useTabView('frame');
  return <p>{context === undefined ? 'loading' : `${tabId} ${context?.people[0]?.name ?? 'no one'}`}</p>;
}

let background: BroadcastChannel;
beforeEach(() => {
  stored = {};
  hello = { tabId: 7 };
  hasSession = true;
  background = new BroadcastChannel(SESSION_RELAY);
});
afterEach(() => background.close());
const dom = testRoot();
const shown = () => dom.container.textContent;
const store = (value: TabContext | undefined) => {
  if (value) stored[key] = value;
  else delete stored[key];
  for (const l of listeners) l({ [key]: { newValue: value } });
};

describe('useTabView', () => {
  it('keeps a page change stored while it asked which tab it shows, over the older copy the answer carries', async () => {
    hello = () => {
      store(copy('Bruno', 3));
      return { tabId: 7, page: copy('Ana', 1) };
    };
    dom.render(<Probe />);
    await vi.waitFor(() => expect(shown()).toBe('7 Bruno'));
    await new Promise((r) => setTimeout(r, 20));
    expect(shown()).toBe('7 Bruno');
  });

  it('reads the tab’s stored copy and follows storage.session.onChanged, newer copies only', async () => {
    stored[key] = copy('Ana', 1);
    dom.render(<Probe />);
    await vi.waitFor(() => expect(shown()).toBe('7 Ana'));
    store(copy('Bruno', 3));
    await vi.waitFor(() => expect(shown()).toBe('7 Bruno'));
    store(copy('Late', 2));
    for (const l of listeners) l({ [SESSION.context.name(8)]: { newValue: copy('Other tab', 9) } });
    await new Promise((r) => setTimeout(r, 20));
    expect(shown()).toBe('7 Bruno');
    // Removed: a page read on request, forgotten when the tab navigated.
    store(undefined);
    await vi.waitFor(() => expect(shown()).toBe('7 no one'));
  });

  it('in a frame without storage.session (Firefox), takes the copy from the hello reply and later ones from the background’s relay', async () => {
    hasSession = false;
    hello = { tabId: 7, page: copy('Ana', 1) };
    dom.render(<Probe />);
    await vi.waitFor(() => expect(shown()).toBe('7 Ana'));
    background.postMessage({ [key]: { newValue: copy('Bruno', 3) } });
    await vi.waitFor(() => expect(shown()).toBe('7 Bruno'));
    background.postMessage({ [key]: { newValue: copy('Late', 2) } });
    background.postMessage({ [SESSION.context.name(8)]: { newValue: copy('Other tab', 9) } });
    background.postMessage({ [key]: { newValue: { context: 'not a context', at: 10 } } });
    background.postMessage(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toBe('7 Bruno');
  });

  // mount.tsx asks before the first render (panel-tab.ts helloEarly), before anything listens.
  it.each([
    ['with storage.session (Chromium)', true],
    ['with the relay (Firefox)', false],
  ])('asked early, still shows a page stored after the answer and before it listened, %s', async (_, withSession) => {
    hasSession = withSession;
    stored[key] = copy('Ana', 1);
    // The background answers with what it has stored at the time it is asked.
    hello = () => ({ tabId: 7, page: stored[key] });
    helloEarly();
    await new Promise((r) => setTimeout(r, 0));
    // Stored, and announced to no one yet: the panel has not rendered, so nothing listens.
    store(copy('Bruno', 3));
    dom.render(<Probe />);
    await vi.waitFor(() => expect(shown()).toBe('7 Bruno'));
  });

  it('asked early without an answer, shows the page once the second ask gets one', async () => {
    stored[key] = copy('Ana', 1);
    let asked = 0;
    hello = () => {
      if (asked++ === 0) throw new Error('The background is starting');
      return { tabId: 7, page: stored[key] };
    };
    helloEarly();
    dom.render(<Probe />);
    await vi.waitFor(() => expect(shown()).toBe('7 Ana'));
    expect(asked).toBe(2);
  });
});
