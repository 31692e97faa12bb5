import { remountBudget } from './remount-budget';

/**
 * Keeps `host` a child of the page's root element: when the page removes it or moves it elsewhere
 * (webmail re-rendering, or a script that wants Clyde gone), it is put back, while `allow` says
 * so. Once `allow` refuses, Clyde stops watching and leaves the page alone for good: the page has
 * won, and the side panel still shows the person. The whole document's child lists are watched,
 * because a page may also replace `<html>` itself. Everything stops with `signal`.
 */
export function keepMounted(host: Element, signal: AbortSignal, allow: () => boolean = remountBudget()): void {
  const observer = new MutationObserver(() => {
    const root = document.documentElement;
    if (!root || host.parentNode === root) return;
    if (allow()) root.append(host);
    else observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
