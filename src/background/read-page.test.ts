import { describe, expect, it } from 'vitest';
import type { PageContextMessage } from '../messaging/protocol';
import { SESSION } from '../storage/keys';
import { forgetLeftPage, readPageOnRequest, type ReadPageDeps } from './read-page';
import { route, type RouterDeps } from './router';

const contextKey = SESSION.context.name;

const person = { role: 'profile' as const, name: 'Marina Duarte', profileUrl: 'https://woodgrove.example/team/marina-duarte' };
const answer = (context: PageContextMessage['context']): PageContextMessage => ({ type: 'page/context', context, at: 5 });
const generic = { site: 'generic', view: 'profile' as const, people: [person], url: 'https://woodgrove.example/team/marina-duarte' };

function deps(over: Partial<ReadPageDeps> = {}) {
  const stored: Record<string, unknown> = {};
  const injected: number[] = [];
  const d: ReadPageDeps = {
    tabUrl: async () => 'https://woodgrove.example/team/marina-duarte',
    inject: async (tabId) => {
      injected.push(tabId);
      return answer(generic);
    },
    session: {
      get: async (key) => (key in stored ? { [key]: stored[key] } : {}),
      set: async (items) => void Object.assign(stored, items),
      remove: async (key) => void delete stored[key],
    },
    ...over,
  };
  return { d, stored, injected };
}

describe('read this page', () => {
  it('stores what the generic reader found as the tab’s context', async () => {
    const { d, stored } = deps();
    expect(await readPageOnRequest(4, d)).toEqual({ ok: true, people: 1 });
    expect(stored[contextKey(4)]).toEqual({ context: generic, at: 5 });
  });

  it('drops the theme a supported site stored for the tab before: the panels follow the system beside this page', async () => {
    const { d, stored } = deps();
    stored[SESSION.theme.name(4)] = 'dark';
    stored[SESSION.theme.name(5)] = 'dark';
    await readPageOnRequest(4, d);
    expect(stored[SESSION.theme.name(4)]).toBeUndefined();
    expect(stored[SESSION.theme.name(5)]).toBe('dark');
  });

  it('refuses without a grant: no URL visible, or the injection refused', async () => {
    const noUrl = deps({ tabUrl: async () => undefined });
    expect(await readPageOnRequest(4, noUrl.d)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(noUrl.injected).toEqual([]);
    const refused = deps({ inject: () => Promise.reject(new Error('Cannot access contents of the page.')) });
    expect(await readPageOnRequest(4, refused.d)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(refused.stored).toEqual({});
  });

  it('leaves supported sites to their own reader', async () => {
    const { d, stored, injected } = deps({ tabUrl: async () => 'https://mail.google.com/mail/u/0/#inbox' });
    expect(await readPageOnRequest(4, d)).toEqual({ ok: false, reason: 'supported' });
    expect(injected).toEqual([]);
    expect(stored).toEqual({});
  });

  it.each([
    ['nothing', undefined],
    ['a javascript: link', answer({ ...generic, people: [{ ...person, profileUrl: 'javascript:alert(1)' }] })],
    ['extra fields', { ...answer(generic), extra: true }],
    ['another message', { type: 'sync/now' }],
    ['a theme instead of a context', { type: 'page/theme', theme: 'dark' }],
  ])('stores nothing when the page answers %s', async (_, result) => {
    const { d, stored } = deps({ inject: async () => result });
    expect(await readPageOnRequest(4, d)).toEqual({ ok: false, reason: 'unreadable' });
    expect(stored).toEqual({});
  });

  it('forgets a page read on request when the tab goes on to a supported site, but not a site reader’s context', async () => {
    const { d, stored } = deps();
    await readPageOnRequest(4, d);
    stored[contextKey(5)] = { context: { ...generic, site: 'gmail' }, at: 1 };
    await forgetLeftPage(4, { url: 'https://mail.google.com/mail/u/0/#inbox', status: 'loading' }, d.session);
    await forgetLeftPage(5, { url: 'https://mail.google.com/mail/u/0/#inbox/x', status: 'loading' }, d.session);
    expect(Object.keys(stored)).toEqual([contextKey(5)]);
  });

  it('keeps a page read on request while it finishes loading, and forgets it when the tab loads another', async () => {
    const { d, stored } = deps();
    await readPageOnRequest(4, d);
    await forgetLeftPage(4, { url: 'https://woodgrove.example/team/marina-duarte', status: 'complete' }, d.session);
    expect(Object.keys(stored)).toEqual([contextKey(4)]);
    await forgetLeftPage(4, { url: undefined, status: 'loading' }, d.session);
    expect(stored).toEqual({});
  });

  it.each([
    ['a site Clyde has no reader for', 'https://woodgrove.example/'],
    ['a page Clyde may not see', undefined],
  ])('forgets a tab’s page and theme once it shows %s, where nothing will report the new page', async (_, url) => {
    const { d, stored } = deps();
    const gmail = { ...generic, site: 'gmail', view: 'thread' as const, url: 'https://mail.google.com/mail/u/0/#inbox/x' };
    stored[contextKey(5)] = { context: gmail, at: 1 };
    stored[SESSION.theme.name(5)] = 'dark';
    stored[contextKey(6)] = { context: gmail, at: 1 };
    await forgetLeftPage(5, { url, status: 'complete' }, d.session);
    // Another Gmail page in tab 6: its content script reports it, so the last one stays until then.
    await forgetLeftPage(6, { url: 'https://mail.google.com/mail/u/0/#inbox/y', status: 'loading' }, d.session);
    expect(Object.keys(stored)).toEqual([contextKey(6)]);
  });

  it('is reachable from extension pages only, through the router', async () => {
    const EXT = 'abcdefghijklmnopabcdefghijklmnop';
    const asked: number[] = [];
    const r: RouterDeps = {
      extensionId: EXT,
      extensionOrigin: `chrome-extension://${EXT}`,
      session: { set: async () => undefined },
      readPage: async (tabId) => (asked.push(tabId), { ok: true, people: 0 }),
    };
    const message = { type: 'page/read', tabId: 3 };
    expect(await route(message, { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` }, r)).toEqual({ ok: true, people: 0 });
    expect(
      await route(message, { id: EXT, tab: { id: 3 } as never, frameId: 0, url: 'https://mail.google.com/mail/u/0/' }, r),
    ).toBeUndefined();
    expect(await route({ ...message, tabId: -1 }, { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` }, r)).toBeUndefined();
    expect(asked).toEqual([3]);
  });
});
