// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { luminance, pageTheme, parseRgb, watchPageTheme } from './page-theme';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
});

/**
 * A page shaped like the Gmail fixtures: a shell with the mail view, its main region transparent.
 * Colours as rgb(), the form browsers compute them to (happy-dom keeps what the sheet says).
 */
function mailPage(css: string): void {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = '<div class="shell"><div class="view"><div role="main"><h2>Subject</h2></div></div></div>';
}

describe('pageTheme', () => {
  it("reads Gmail's light theme off the mail view's background", () => {
    mailPage('body { background: rgb(246, 248, 252) } .view { background: rgb(255, 255, 255) }');
    expect(pageTheme(document)).toBe('light');
  });

  it("reads Gmail's dark theme (#202124 behind the mail) as dark", () => {
    mailPage('body { background: rgb(31, 31, 31) } .view { background: rgb(32, 33, 36) }');
    expect(pageTheme(document)).toBe('dark');
  });

  it('reads a dark theme painted on the body alone as dark', () => {
    mailPage('body { background: rgb(41, 40, 39) }');
    expect(pageTheme(document)).toBe('dark');
  });

  it('goes by the mail view, not by a dark picture or bar around it', () => {
    mailPage('body { background: rgb(0, 0, 0) } .shell { background: rgba(0, 0, 0, 0.3) } .view { background: rgb(255, 255, 255) }');
    expect(pageTheme(document)).toBe('light');
  });

  it('skips a see-through layer for what lies under it', () => {
    mailPage('body { background: rgb(32, 33, 36) } .view { background: rgba(255, 255, 255, 0.1) }');
    expect(pageTheme(document)).toBe('dark');
  });

  it('says nothing where the page paints no background of its own', () => {
    mailPage('');
    expect(pageTheme(document)).toBeUndefined();
  });
});

describe('colour arithmetic', () => {
  it('parses computed rgb() and rgba() in both syntaxes', () => {
    expect(parseRgb('rgb(32, 33, 36)')).toEqual([32, 33, 36, 1]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseRgb('oklch(0.5 0.1 200)')).toBeUndefined();
  });

  it('gives WCAG relative luminance', () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([32, 33, 36])).toBeCloseTo(0.0152, 3);
  });
});

describe('watchPageTheme', () => {
  it('started before the page has a <head> or <body>, takes the system’s theme, then the page’s once they come', async () => {
    const html = document.documentElement;
    const [head, body] = [document.head, document.body];
    head.remove();
    body.remove();
    const seen: string[] = [];
    const stop = new AbortController();
    try {
      expect(watchPageTheme((theme) => seen.push(theme), stop.signal, 0)).toBe('light');
      html.append(head, body);
      mailPage('body { background: rgb(31, 31, 31) } .view { background: rgb(32, 33, 36) }');
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await vi.waitFor(() => expect(seen).toEqual(['dark']));
    } finally {
      stop.abort();
      if (!head.isConnected) html.append(head, body);
    }
  });
});
