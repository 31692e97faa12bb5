// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeRoom } from './make-room';

/** The geometry is checked in real browsers (test/e2e/make-room.test.ts); here, the rules' life cycle. */
describe('makeRoom', () => {
  it('narrows the page by the width given, gives the room back at 0, and leaves nothing after abort', () => {
    const host = document.documentElement.appendChild(document.createElement('div'));
    const stop = new AbortController();
    const room = makeRoom(host, stop.signal);
    const style = host.querySelector('style')!;
    expect(style.textContent).toBe('');

    room(340);
    expect(style.textContent).toContain('html { width: calc(100% - 340px) !important; }');
    expect(style.textContent).toContain(`[style*="width: ${innerWidth}px"]`);
    expect(style.textContent).toContain(`{ max-width: ${innerWidth - 340}px !important; }`);
    room(0);
    expect(style.textContent).toBe('');

    room(400);
    stop.abort();
    expect(style.isConnected).toBe(false);
    host.remove();
  });

  it('follows the window: script-set widths equal to the new window width are capped', () => {
    const host = document.documentElement.appendChild(document.createElement('div'));
    const stop = new AbortController();
    makeRoom(host, stop.signal)(300);
    (globalThis as { innerWidth: number }).innerWidth = 1111;
    dispatchEvent(new Event('resize'));
    expect(host.querySelector('style')!.textContent).toContain('[style*="width: 1111px"]');
    expect(host.querySelector('style')!.textContent).toContain('{ max-width: 811px !important; }');
    stop.abort();
    host.remove();
  });
});
