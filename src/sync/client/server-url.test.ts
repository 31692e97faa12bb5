import { describe, expect, it } from 'vitest';
import { pokeSeq, SyncApiError } from './api';
import { retryDelay, BACKOFF_MAX_MS } from './backoff';
import { parseInvite, parseServerUrl } from './server-url';

const CODE = `inv_${'A'.repeat(43)}`;

describe('server URL validation (security.md req. 25)', () => {
  it.each([
    ['https://sync.example.com', 'https://sync.example.com'],
    ['https://sync.example.com/', 'https://sync.example.com'],
    ['https://example.com/clyde/', 'https://example.com/clyde'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ])('accepts %s', (raw, base) => expect(parseServerUrl(raw)).toBe(base));

  it.each([
    'http://evil.example',
    'http://localhost.evil.example',
    'https://user:pw@sync.example.com',
    'https://user@sync.example.com',
    'https://sync.example.com./',
    'https://sync.example.com/?x=1',
    'https://sync.example.com/#frag',
    'ftp://sync.example.com',
    'javascript:alert(1)',
    'sync.example.com',
    '',
  ])('refuses %s', (raw) => expect(() => parseServerUrl(raw)).toThrow());
});

describe('invite parsing', () => {
  it('takes the server from a whole link', () => {
    expect(parseInvite(`https://sync.example.com/join#${CODE}`)).toEqual({ serverUrl: 'https://sync.example.com', code: CODE });
  });
  it('takes a bare code with a typed server', () => {
    expect(parseInvite(` ${CODE} `, 'https://sync.example.com/')).toEqual({ serverUrl: 'https://sync.example.com', code: CODE });
  });
  it('refuses a link for another server than the typed one', () => {
    expect(() => parseInvite(`https://other.example/join#${CODE}`, 'https://sync.example.com')).toThrow(/other\.example/);
  });
  it('refuses a bare code without a server, a bad code and an http link', () => {
    expect(() => parseInvite(CODE)).toThrow(/server address/);
    expect(() => parseInvite('https://sync.example.com/join#inv_short')).toThrow(/invite/);
    expect(() => parseInvite(`http://evil.example/join#${CODE}`)).toThrow(/https/);
  });
});

describe('event stream and retry helpers', () => {
  it('reads the seq of poke events only', () => {
    expect(pokeSeq('event: poke\ndata: {"seq":12}')).toBe(12);
    expect(pokeSeq(': keep-alive')).toBeUndefined();
    expect(pokeSeq('event: other\ndata: {"seq":12}')).toBeUndefined();
    expect(pokeSeq('event: poke\ndata: {"seq":"x"}')).toBeUndefined();
  });

  it('backs off exponentially with jitter, honours retry-after, and gives up where retrying cannot help', () => {
    const half = () => 0.5;
    expect(retryDelay(new SyncApiError('NETWORK', ''), 0, half)).toBe(1500);
    expect(retryDelay(new SyncApiError('NETWORK', ''), 3, half)).toBe(12_000);
    expect(retryDelay(new SyncApiError('NETWORK', ''), 50, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(retryDelay(new SyncApiError('RATE_LIMITED', '', 429, { retryAfterMs: 7000 }), 5, half)).toBe(7000);
    expect(retryDelay(new SyncApiError('UNAUTHORIZED', '', 401), 0, half)).toBeUndefined();
    expect(retryDelay(new SyncApiError('CLIENT_TOO_OLD', '', 426), 0, half)).toBeUndefined();
  });
});
