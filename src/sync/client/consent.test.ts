import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_SENT_TO_TEAM } from '../data-sent';
import { SyncApiError } from './api';
import { askToSendToTeam, consentedFetch, consentRefused } from './consent';

/** Firefox's permissions API as the user answers it: data collection granted or not. */
const permissions = vi.hoisted(() => ({ granted: false, answer: false, asked: [] as unknown[] }));
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      request: async (p: unknown) => {
        permissions.asked.push(p);
        permissions.granted ||= permissions.answer;
        return permissions.answer;
      },
      contains: async () => permissions.granted,
    },
  },
}));

const reached: string[] = [];
const fetch = async (url: string) => {
  reached.push(url);
  return new Response('{}');
};

afterEach(() => {
  vi.unstubAllEnvs();
  Object.assign(permissions, { granted: false, answer: false, asked: [] });
  reached.length = 0;
});

describe('Firefox data consent for team sync', () => {
  it('asks Firefox for exactly what the manifest declares, and a no stops the join with a reason', async () => {
    vi.stubEnv('FIREFOX', true as never);
    await expect(askToSendToTeam()).rejects.toThrow(consentRefused());
    expect(permissions.asked).toEqual([{ data_collection: [...DATA_SENT_TO_TEAM] }]);
    permissions.answer = true;
    await expect(askToSendToTeam()).resolves.toBeUndefined();
  });

  it('sends nothing once consent is taken back, with a code the status explains, and sends again once it is given', async () => {
    vi.stubEnv('FIREFOX', true as never);
    const send = consentedFetch(fetch);
    await expect(send('https://sync.example.com/v1/pull', {})).rejects.toEqual(
      expect.objectContaining({ code: 'CONSENT_WITHDRAWN' }) as SyncApiError,
    );
    expect(reached).toEqual([]);
    permissions.granted = true;
    await send('https://sync.example.com/v1/pull', {});
    expect(reached).toEqual(['https://sync.example.com/v1/pull']);
  });

  it('asks nothing in Chrome, which has no such consent', async () => {
    await askToSendToTeam();
    expect(permissions.asked).toEqual([]);
    expect(consentedFetch(fetch)).toBe(fetch);
  });
});
