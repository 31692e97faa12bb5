/** What `watchUrl` needs of the window: its address, and the Navigation API where the browser has one. */
interface Place {
  location: { href: string };
  navigation?: EventTarget;
}

/**
 * Calls `onChange` after the page changes its address with the History API (LinkedIn, X), which
 * fires no event the page's other listeners see. The Navigation API's `currententrychange` does,
 * and it fires in a content script's isolated world too (checked in Chromium 156 and Firefox ESR
 * 153), so no one else has to watch the tab for us. Where a browser has no Navigation API (older
 * Firefox releases), the address is compared every `pollMs` instead: a string comparison, and
 * seldom the only signal, since a new view also changes the DOM, which the page watch re-reads.
 */
export function watchUrl(onChange: () => void, signal: AbortSignal, pollMs = 1000, place: Place = window as Place): void {
  if (place.navigation) return place.navigation.addEventListener('currententrychange', onChange, { signal });
  let href = place.location.href;
  const timer = setInterval(() => {
    if (place.location.href === href) return;
    href = place.location.href;
    onChange();
  }, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer));
}
