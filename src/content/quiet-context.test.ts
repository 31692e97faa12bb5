// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

// The extension as a content script sees it: an id while it is installed, none once orphaned.
const runtime: { id?: string } = { id: 'clydeclydeclydeclydeclydeclydecl' };
vi.mock('wxt/browser', () => ({ browser: { runtime } }));
const { ContentScriptContext } = await import('./quiet-context');

/** Lets MutationObserver callbacks and posted messages be delivered. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  runtime.id = 'clydeclydeclydeclydeclydeclydecl';
  vi.restoreAllMocks();
});

describe("Clyde's content-script context", () => {
  it('posts nothing to the page when it starts', async () => {
    const post = vi.spyOn(window, 'postMessage');
    const heard = vi.fn();
    window.addEventListener('message', heard);
    const ctx = new ContentScriptContext();
    await settle();
    expect(post).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
    ctx.abort();
  });

  it("stays valid when the page posts WXT's start-up message, old or forged", async () => {
    const ctx = new ContentScriptContext();
    for (const type of [`${runtime.id}:mail:wxt:content-script-started`, 'wxt:content-script-started'])
      window.postMessage({ type, contentScriptName: 'mail', messageId: 'forged' }, '*');
    await settle();
    expect(ctx.signal.aborted).toBe(false);
    ctx.abort();
  });

  it('aborts at the next change to the document once the extension is gone (updated, reloaded, removed)', async () => {
    const ctx = new ContentScriptContext();
    document.body.append(document.createElement('p'));
    await settle();
    expect(ctx.signal.aborted).toBe(false);
    delete runtime.id;
    document.body.append(document.createElement('p'));
    await settle();
    expect(ctx.signal.aborted).toBe(true);
  });
});

describe('content script entrypoints', () => {
  it("type their context as Clyde's, so none calls a member of WXT's that the build leaves out", async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const scripts = readdirSync('entrypoints').filter((f) => f.endsWith('.content.ts'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(`entrypoints/${file}`, 'utf8'), file).toMatch(/main\(ctx: QuietContext\)/);
  });
});
