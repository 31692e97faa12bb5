import { describe, expect, it, vi } from 'vitest';
import type { PageContextMessage } from '../messaging/protocol';
import { SESSION } from '../storage/keys';
import { panelHandlers, route, type PanelHandlers, type RouterDeps } from './router';

const [contextKey, pickKey] = [SESSION.context.name, SESSION.pick.name];

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ctx = {
  site: 'gmail',
  view: 'thread' as const,
  url: 'https://mail.google.com/mail/u/0/#inbox/x',
  people: [{ email: 'ana@example.com', name: 'Ana', role: 'from' as const }],
};

function deps() {
  const stored: Record<string, unknown> = {};
  const d: RouterDeps = {
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}`,
    session: { set: async (items) => void Object.assign(stored, items) },
  };
  return { d, stored };
}

const helloMessage = { type: 'panel/hello' };

const pageContextMessage = (context: PageContextMessage['context'], at: number): PageContextMessage => ({
  type: 'page/context',
  context,
  at,
});

const contentSender = { id: EXT, tab: { id: 7 } as never, frameId: 0, url: 'https://mail.google.com/mail/u/0/#inbox/x' };

describe('route', () => {
  it('stores the page context of a supported page’s top frame for its tab', async () => {
    const { d, stored } = deps();
    await route(pageContextMessage(ctx, 1), contentSender, d);
    expect(stored[contextKey(7)]).toMatchObject({ context: ctx });
  });

  it('stores and relays the theme a supported page’s top frame reports for its tab, and nothing malformed', async () => {
    const { d, stored } = deps();
    const relayed: unknown[] = [];
    d.relay = (changes) => void relayed.push(changes);
    d.pageShown = () => expect.unreachable('a theme is no page shown');
    await route({ type: 'page/theme', theme: 'dark' }, contentSender, d);
    expect(stored).toEqual({ [SESSION.theme.name(7)]: 'dark' });
    expect(relayed).toEqual([{ [SESSION.theme.name(7)]: { newValue: 'dark' } }]);
    for (const raw of [{ type: 'page/theme', theme: 'purple' }, { type: 'page/theme', theme: 'light', at: 1 }, { type: 'page/theme' }]) {
      await route(raw, contentSender, d);
    }
    await route({ type: 'page/theme', theme: 'light' }, { ...contentSender, frameId: 3 }, d);
    await route({ type: 'page/theme', theme: 'light' }, { ...contentSender, url: 'https://evil.example/' }, d);
    expect(stored).toEqual({ [SESSION.theme.name(7)]: 'dark' });
    expect(relayed).toHaveLength(1);
  });

  it('tells the opened-thread watch each stored page context with its tab, and nothing it dropped', async () => {
    const { d } = deps();
    const shown: unknown[] = [];
    d.pageShown = (tabId, context) => void shown.push([tabId, context]);
    await route(pageContextMessage(ctx, 1), contentSender, d);
    await route(pageContextMessage(null, 2), contentSender, d);
    await route(pageContextMessage(ctx, 3), { ...contentSender, frameId: 3 }, d);
    expect(shown).toEqual([
      [7, ctx],
      [7, null],
    ]);
  });

  it.each([
    ['another extension', { ...contentSender, id: 'someone-else' }],
    ['a sub-frame', { ...contentSender, frameId: 3 }],
    ['an unsupported site', { ...contentSender, url: 'https://evil.example/' }],
    ['a look-alike host', { ...contentSender, url: 'https://mail.google.com.evil.example/' }],
    ['no tab', { ...contentSender, tab: undefined }],
  ])('drops page messages from %s', async (_, sender) => {
    const { d, stored } = deps();
    await route(pageContextMessage(ctx, 1), sender, d);
    expect(stored).toEqual({});
  });

  it.each([
    ['an unknown type', { type: 'page/evil', context: null, at: 1 }],
    ['extra fields', { ...pageContextMessage(ctx, 1), extra: 1 }],
    ['a context of no known site', pageContextMessage({ ...ctx, site: '', people: [] }, 1)],
    ['a context without its clock', { type: 'page/context', context: { ...ctx, people: [] } }],
    ['not an object', 'page/context'],
  ])('drops a malformed message: %s', async (_, raw) => {
    const { d, stored } = deps();
    await route(raw, contentSender, d);
    expect(stored).toEqual({});
  });

  it.each([
    ['a correspondent without an identity', { name: 'no identity', role: 'from' }],
    ['a javascript: avatar', { email: 'a@example.com', role: 'from', avatarUrl: 'javascript:alert(1)' }],
  ])(
    'stores a page whose context fails the schema (%s) as one it could not read, never leaving the last page’s person',
    async (_, person) => {
      const { d, stored } = deps();
      const shown: unknown[] = [];
      d.pageShown = (tabId, context) => void shown.push(context);
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await route(pageContextMessage(ctx, 1), contentSender, d);
      await route(pageContextMessage({ ...ctx, people: [person] } as never, 2), contentSender, d);
      const unread = { site: 'gmail', view: 'thread', url: contentSender.url, people: [], unread: true };
      expect(stored[contextKey(7)]).toEqual({ context: unread, at: 2 });
      expect(shown).toEqual([ctx, unread]);
      expect(warned).toHaveBeenCalledOnce();
      warned.mockRestore();
    },
  );

  it('tells the injected panel its tab, and only an extension page may ask', async () => {
    const { d } = deps();
    const panel = { id: EXT, tab: { id: 9 } as never, frameId: 4, url: `chrome-extension://${EXT}/panel.html` };
    expect(await route(helloMessage, panel, d)).toEqual({ tabId: 9 });
    expect(await route(helloMessage, contentSender, d)).toBeUndefined();
    expect(await route(helloMessage, { ...panel, id: 'other' }, d)).toBeUndefined();
  });

  it('hands the injected panel its tab’s stored context with the tab (Firefox gives that frame no storage.session)', async () => {
    const { d, stored } = deps();
    d.session.get = async (key) => (key in stored ? { [key]: stored[key] } : {});
    const panel = { id: EXT, tab: { id: 7 } as never, frameId: 4, url: `chrome-extension://${EXT}/panel.html` };
    expect(await route(helloMessage, panel, d)).toEqual({ tabId: 7 });
    await route(pageContextMessage(ctx, 3), contentSender, d);
    expect(await route(helloMessage, panel, d)).toEqual({ tabId: 7, page: { context: ctx, at: 3 } });
  });

  it('relays each stored page context, as the storage.session change it makes, before storing it; nothing it drops', async () => {
    const { d, stored } = deps();
    const relayed: unknown[] = [];
    d.relay = (changes) => void relayed.push({ changes, storedYet: contextKey(7) in stored });
    await route(pageContextMessage(ctx, 5), contentSender, d);
    expect(relayed).toEqual([{ changes: { [contextKey(7)]: { newValue: { context: ctx, at: 5 } } }, storedYet: false }]);
    expect(stored[contextKey(7)]).toEqual({ context: ctx, at: 5 });

    await route(pageContextMessage(ctx, 6), { ...contentSender, frameId: 3 }, d);
    await route({ ...pageContextMessage(ctx, 6), extra: 1 }, contentSender, d);
    await route({ type: 'panel/picked', tabId: 7, key: null }, { id: EXT, url: `chrome-extension://${EXT}/panel.html` }, d);
    expect(relayed).toHaveLength(1);
  });

  it('keeps the person picked in a tab’s panel for the context menu, from extension pages only', async () => {
    const { d, stored } = deps();
    const panel = { id: EXT, tab: { id: 7 } as never, frameId: 4, url: `chrome-extension://${EXT}/panel.html` };
    await route({ type: 'panel/picked', tabId: 7, key: 'ana@example.com' }, panel, d);
    expect(stored[pickKey(7)]).toBe('ana@example.com');
    await route({ type: 'panel/picked', tabId: 7, key: null }, panel, d);
    expect(stored[pickKey(7)]).toBeNull();

    // A page's content script cannot pick, nor can a malformed message.
    await route({ type: 'panel/picked', tabId: 8, key: 'x@example.com' }, contentSender, d);
    await route({ type: 'panel/picked', tabId: -1, key: 'x@example.com' }, panel, d);
    await route({ type: 'panel/picked', tabId: 8, key: 'x'.repeat(2049) }, panel, d);
    expect(Object.keys(stored)).toEqual([pickKey(7)]);
  });

  it('reads the open email for a panel that logs it, and answers an empty reading where it cannot inspect', async () => {
    const { d } = deps();
    const panel = { id: EXT, tab: { id: 7 } as never, frameId: 4, url: `chrome-extension://${EXT}/panel.html` };
    const ask = { type: 'page/email', tabId: 7 };
    expect(await route(ask, panel, d)).toEqual({ text: '', sentAt: [] });

    const asked: number[] = [];
    d.inspect = {
      email: async (tabId) => (asked.push(tabId), { text: 'numbers attached', sentAt: ['Wed, Nov 19, 2025, 8:05 AM'] }),
      skeleton: async () => undefined,
    };
    expect(await route(ask, panel, d)).toEqual({ text: 'numbers attached', sentAt: ['Wed, Nov 19, 2025, 8:05 AM'] });
    // Not for a page's content script, nor for a malformed request.
    expect(await route(ask, contentSender, d)).toBeUndefined();
    expect(await route({ type: 'page/email', tabId: 'seven' }, panel, d)).toBeUndefined();
    expect(asked).toEqual([7]);
  });

  it('wakes sync on `sync/now` from an extension page only, the one listener serving sync too', async () => {
    const { d } = deps();
    let wakes = 0;
    d.syncNow = () => void wakes++;
    const panel = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
    expect(await route({ type: 'sync/now' }, panel, d)).toBeUndefined();
    expect(wakes).toBe(1);
    await route({ type: 'sync/now' }, contentSender, d);
    await route({ type: 'sync/now' }, { ...panel, id: 'someone-else' }, d);
    await route({ type: 'sync/now', now: true }, panel, d);
    expect(wakes).toBe(1);
  });

  it.each([
    ['a payload field of the wrong type', { type: 'page/read', tabId: '3' }],
    ['a missing payload field', { type: 'page/skeleton' }],
    ['an extra payload field', { type: 'panel/hello', tabId: 3 }],
    ['an inherited name as its type', { type: 'toString' }],
    ['no type', { tabId: 3 }],
    ['an array', ['page/read', 3]],
  ])('answers no panel request with %s, and calls no handler', async (_, raw) => {
    const { d, stored } = deps();
    let called = false;
    d.readPage = async () => ((called = true), { ok: true, people: 0 });
    d.syncNow = () => void (called = true);
    const panel = { id: EXT, tab: { id: 7 } as never, frameId: 4, url: `chrome-extension://${EXT}/panel.html` };
    expect(await route(raw, panel, d)).toBeUndefined();
    expect(called).toBe(false);
    expect(stored).toEqual({});
  });
});

describe('the handler map’s types', () => {
  it('ties each handler to its request’s payload and reply (checked by tsc --noEmit)', () => {
    const handlers = panelHandlers(deps().d);
    // @ts-expect-error `page/read` answers a ReadPageReply, not an email reading.
    const wrongReply: PanelHandlers['page/read'] = () => ({ text: '', sentAt: [] });
    // @ts-expect-error `page/email` takes a tab id, not a pick.
    const wrongPayload = () => handlers['page/email']({ tabId: 1, key: null }, {});
    expect([wrongReply, wrongPayload]).toHaveLength(2);
  });
});
