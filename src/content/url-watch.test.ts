import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchUrl } from './url-watch';

afterEach(() => vi.useRealTimers());

describe('watchUrl', () => {
  it('follows the Navigation API where the browser has one, and polls nothing', () => {
    vi.useFakeTimers();
    const navigation = new EventTarget();
    const place = { location: { href: 'https://www.linkedin.com/in/a/' }, navigation };
    const stop = new AbortController();
    const onChange = vi.fn();
    watchUrl(onChange, stop.signal, 1000, place);
    expect(vi.getTimerCount()).toBe(0);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop.abort();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('without it, notices a new address within one poll, once, and stops with the signal', () => {
    vi.useFakeTimers();
    const place = { location: { href: 'https://x.com/a' } };
    const stop = new AbortController();
    const onChange = vi.fn();
    watchUrl(onChange, stop.signal, 1000, place);
    vi.advanceTimersByTime(3000);
    expect(onChange).not.toHaveBeenCalled();
    place.location.href = 'https://x.com/b';
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(3000);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop.abort();
    expect(vi.getTimerCount()).toBe(0);
  });
});
