// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepMounted } from './keep-mounted';

/** Lets MutationObserver callbacks (microtasks) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: AbortController;
beforeEach(() => (stop = new AbortController()));
afterEach(() => stop.abort());

function mounted(signal: AbortSignal, allow?: () => boolean): HTMLElement {
  const host = document.createElement('div');
  document.documentElement.append(host);
  keepMounted(host, signal, allow);
  return host;
}

describe('keepMounted', () => {
  it('puts the host back under <html> when the page removes it or moves it into its own tree', async () => {
    const host = mounted(stop.signal);
    host.remove();
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
    document.body.append(host);
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
  });

  it('asks the budget once per removal, and stops watching when it refuses', async () => {
    const allow = vi.fn().mockReturnValueOnce(true).mockReturnValue(false);
    const host = mounted(stop.signal, allow);
    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
    // Refused once, then no longer watching: later changes to the page ask nothing.
    document.body.append(document.createElement('p'));
    await settle();
    expect(allow).toHaveBeenCalledTimes(2);
  });

  it('leaves a removed host alone once its signal has aborted', async () => {
    const own = new AbortController();
    const allow = vi.fn(() => true);
    const host = mounted(own.signal, allow);
    own.abort();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
    expect(allow).not.toHaveBeenCalled();
  });
});
