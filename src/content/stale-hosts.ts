/**
 * Removes the panel host an earlier Clyde left in this page. Firefox runs an updated add-on's
 * content script in the pages that were open, and shuts the old script down without letting it
 * clean up, so the old host stays, holding a dead frame (seen in Firefox ESR). It is found through
 * the extension alone: a child of `<html>` whose closed shadow root holds a frame of Clyde's panel
 * page, read with Firefox's content-script-only `openOrClosedShadowRoot`. Nothing marks the host
 * where the page could read it. Elsewhere this finds nothing: Chromium's orphaned scripts remove
 * their own host (quiet-context.ts).
 */
export function removeStaleHosts(panelUrl: string): void {
  for (const el of [...document.documentElement.children]) {
    // A property, not a method (MDN's Element.openOrClosedShadowRoot); undefined outside Firefox.
    const root = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    // Without the fragment, which carries the page's theme (panel-frame.ts).
    if (root?.querySelector('iframe')?.src.split('#')[0] === panelUrl) el.remove();
  }
}
