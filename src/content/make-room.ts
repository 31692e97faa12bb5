/**
 * Narrows the page's own layout by the panel's width, so the mail's right edge (dates, reply
 * buttons, the site's side bar) stays in view beside the panel instead of under it.
 *
 * Three things are needed, because webmail lays itself out three ways:
 * - `<html>` narrows: everything in the normal flow follows.
 * - `<body>` gets an identity transform, which makes it the containing block of the page's
 *   `position: fixed` boxes (Gmail's docked compose windows, Outlook's callouts): they anchor to
 *   the narrowed body, not to the viewport, which does not narrow. Both apps put the body at
 *   (0, 0) with no margin, so coordinates they measure for menus stay true. The panel's host is a
 *   child of `<html>`, not of `<body>`, so it alone stays on the viewport.
 * - Gmail sizes some boxes by script to the window's width (an inline `style="width: 1850px"` on
 *   its top container in the 2023 saved page), and the window does not narrow. Those are capped at
 *   the room left: matched by their inline width equal to the window's, not by Gmail's class
 *   names, which change.
 *
 * The rules sit in one `<style>` inside `host`, the panel's host on `<html>` (a style element
 * applies wherever it is in the document, also among a shadow host's unrendered children): it
 * lives and leaves with the panel, kept in place by the same watch, and a stale host removed
 * after an update (stale-hosts.ts) takes its rules with it. Emptied while the panel is collapsed.
 */
export function makeRoom(host: Element, signal: AbortSignal): (width: number) => void {
  const style = document.createElement('style');
  let width = 0;
  const draw = () => {
    style.textContent = width > 0 ? roomRules(width, [innerWidth, document.documentElement.clientWidth]) : '';
  };
  host.append(style);
  // The window-wide inline widths follow the window; so must the rule that caps them.
  addEventListener('resize', draw, { signal });
  signal.addEventListener('abort', () => style.remove());
  return (next) => {
    width = next;
    draw();
  };
}

/** The CSS that leaves `width` px free at the right of a window whose width reads as any of `windowWidths`. */
function roomRules(width: number, windowWidths: number[]): string {
  const room = Math.max(0, Math.max(...windowWidths) - width);
  const scripted = [...new Set(windowWidths.filter((w) => w > 0))].map((w) => `[style*="width: ${w}px"]`).join(', ');
  return [
    `html { width: calc(100% - ${width}px) !important; }`,
    `body { transform: translate(0) !important; }`,
    `${scripted} { max-width: ${room}px !important; }`,
  ].join('\n');
}
