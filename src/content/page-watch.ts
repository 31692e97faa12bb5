import type { PageContext } from '../parsers/schema';
import { debouncedRead } from './debounced-read';

/**
 * Re-reads the page whenever it may show someone else: on load, on hash changes (Gmail), on
 * history navigation, and on DOM changes (debounced, since webmail mutates constantly). Calls
 * `onChange` only when what the parser reads actually changed. Everything stops with `signal`.
 * Returns a function that schedules a re-read, for navigation the page itself does not signal.
 */
export function watchPage(
  read: () => PageContext | null,
  onChange: (ctx: PageContext | null) => void,
  signal: AbortSignal,
  debounceMs = 30,
): () => void {
  const { check, schedule } = debouncedRead(read, onChange, signal, debounceMs, (ctx) => JSON.stringify(ctx));

  window.addEventListener('hashchange', check, { signal });
  window.addEventListener('popstate', schedule, { signal });
  const observer = new MutationObserver(schedule);
  // The whole body: webmail swaps its view roots, so any narrower root can be replaced under us.
  // Attribute changes matter because hidden stale views are revealed by a style/hidden flip.
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'hidden', 'aria-hidden', 'email', 'data-hovercard-id', 'value'],
  });
  signal.addEventListener('abort', () => observer.disconnect());
  check();
  return schedule;
}
