import { remountBudget } from './remount-budget';

/**
 * Keeps `host` a child of the page's root element: when the page removes it or moves it elsewhere
 * (webmail re-rendering, or a script that wants Clyde gone), it is put back, while `allow` says
 * so. Once `allow` refuses, Clyde stops watching and leaves the page alone for good: the page has
 * won, and the side panel still shows the person. Everything stops with `signal`.
 *
 * Only two child lists are watched, not the whole tree: `<html>`'s (the host leaving it) and the
 * document's (a page replacing `<html>` itself, whose new root is then watched too). Webmail
 * rewrites its subtree many times a second, and a subtree observer would hear every one of them.
 */
export function keepMounted(host: Element, signal: AbortSignal, allow: () => boolean = remountBudget()): void {
  const watch = (root: Element | null) => root && observer.observe(root, { childList: true });
  const observer = new MutationObserver(() => {
    const root = document.documentElement;
    watch(root);
    if (!root || host.parentNode === root) return;
    if (allow()) root.append(host);
    else observer.disconnect();
  });
  observer.observe(document, { childList: true });
  watch(document.documentElement);
  signal.addEventListener('abort', () => observer.disconnect());
}
