import { beforeEach, describe, expect, it, vi } from 'vitest';

// The panel's only way out to the background, faked: what was sent, and what comes back.
const sent: unknown[] = [];
let answer: () => Promise<unknown> = async () => undefined;
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: (m: unknown) => (sent.push(m), answer()) } } }));

const { ask, noAnswer } = await import('./ask');

beforeEach(() => void sent.splice(0));

describe('ask, the panel’s one client for the background', () => {
  it('sends the request in its wire form and returns the validated reply', async () => {
    answer = async () => ({ ok: true, people: 2 });
    expect(await ask('page/read', { tabId: 3 })).toEqual({ ok: true, people: 2 });
    expect(sent).toEqual([{ type: 'page/read', tabId: 3 }]);
    answer = async () => undefined;
    await ask('sync/now');
    expect(sent.at(-1)).toEqual({ type: 'sync/now' });
  });

  it('reports a background that does not answer, or answers in another shape, with one readable message', async () => {
    answer = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(ask('page/email', { tabId: 3 })).rejects.toThrow(noAnswer());
    answer = async () => ({ skeleton: 42 });
    await expect(ask('page/skeleton', { tabId: 3 })).rejects.toThrow(noAnswer());
  });
});
