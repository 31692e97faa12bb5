import { debouncedRead } from './debounced-read';

/**
 * Whether the host page shows a dark or a light theme, read off its colours rather than a site's
 * class names: Gmail and Outlook each have several dark themes (and dark pictures behind light
 * ones), and what decides whether the panel beside them should be dark is the colour the mail is
 * read on. Undefined when the page paints no background of its own.
 */
export type Theme = 'dark' | 'light';

/**
 * The background the mail view is drawn on: that of the visible main region (the reading pane) or,
 * where it paints none, of the nearest ancestor that does, up to <html>.
 */
export function pageTheme(doc: Document): Theme | undefined {
  const main = [...doc.querySelectorAll('[role=main]')].find((el) => el.getClientRects().length > 0);
  for (let el: Element | null = main ?? doc.body; el; el = el.parentElement) {
    // Computed colours are rgb() except those written in newer spaces (oklch(), lab()…), which
    // Gmail and Outlook do not use; such a layer is passed over for the one beneath it. (Reading
    // them through a canvas cost the content script 100 bytes gzipped on every webmail load.)
    const rgba = parseRgb(getComputedStyle(el).backgroundColor);
    // A mostly see-through layer (a hover tint, a scrim) says little about what lies under it.
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < DARK_BELOW ? 'dark' : 'light';
  }
  return undefined;
}

/**
 * The relative luminance at which black and white text have the same contrast (WCAG's formula:
 * (L + 0.05) / 0.05 = 1.05 / (L + 0.05)). Darker than this, light text reads better: a dark theme.
 */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` as computed styles give it; undefined for anything else. */
export function parseRgb(css: string): [number, number, number, number] | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/**
 * Calls `onChange` with the theme to show beside the page (its own, else the system's) whenever
 * it changes: the site switching theme swaps its stylesheets or the classes on <html>/<body>, and
 * the system setting matters where the page shows none. Stops with `signal`.
 */
export function watchPageTheme(onChange: (theme: Theme) => void, signal: AbortSignal, debounceMs = 150): Theme {
  const system = matchMedia('(prefers-color-scheme: dark)');
  const read = (): Theme => pageTheme(document) ?? (system.matches ? 'dark' : 'light');
  // The first read is returned, not reported: the caller draws with it.
  let started = false;
  const { check, schedule } = debouncedRead(read, (theme) => started && onChange(theme), signal, debounceMs);
  const first = check();
  started = true;
  system.addEventListener('change', schedule, { signal });
  // Not the body's subtree: webmail rewrites it constantly, and a theme never comes that way.
  const observer = new MutationObserver(schedule);
  const observe = () => {
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    for (const el of [document.documentElement, document.body]) {
      observer.observe(el, { attributes: true, attributeFilter: ['class', 'style'] });
    }
    // The body's own children: a loading screen handing over to the app.
    observer.observe(document.body, { childList: true });
  };
  // A document-start script can come before the page has a <head> or <body> (Gmail's head holds
  // slow scripts): the first read is then the system's, and the page's own comes once it has them.
  if (document.body) observe();
  else document.addEventListener('DOMContentLoaded', () => (observe(), schedule()), { once: true, signal });
  signal.addEventListener('abort', () => observer.disconnect());
  return first;
}
