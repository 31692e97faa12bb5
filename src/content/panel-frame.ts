import { browser } from 'wxt/browser';
import { keepMounted } from './keep-mounted';
import { makeRoom } from './make-room';
import { clampWidth, loadLayout, saveLayout, type PanelLayout } from './panel-layout';
import { watchPageTheme, type Theme } from './page-theme';
import { reportTheme } from './report';
import { removeStaleHosts } from './stale-hosts';
import { word } from './words';

/**
 * Hosts the panel: a closed shadow root holding an iframe of the extension's panel page, plus the
 * only things the content script itself draws: a collapse button, a collapsed tab and a resize
 * handle. None of them shows CRM text; that lives only inside the extension-origin frame, where
 * the page can neither read it nor probe it with `window.find` (security.md §0).
 */

/**
 * The panel page's background in dark (Tailwind's slate-950, `--color-white` in
 * src/ui/theme/dark.css). The frame paints nothing until its script has read the theme from its
 * URL, so the iframe's own background is what shows first: in the right colour, there is no flash.
 * The iframe keeps `color-scheme: light` whatever the theme: were it to differ from the frame
 * document's (light until that script runs), Chromium would paint the frame opaque white.
 */
const DARK_SURFACE = 'oklch(12.9% 0.042 264.695)';

const CSS = `
:host { all: initial; }
.host { position: fixed; top: 0; right: 0; height: 100vh; z-index: 2147483646; display: flex; }
.host.collapsed { top: 55vh; height: auto; }
iframe { border: 0; height: 100%; width: 100%; background: #fff; color-scheme: light; box-shadow: -2px 0 8px rgb(0 0 0 / 0.15); }
.handle { width: 6px; cursor: ew-resize; background: transparent; flex: none; }
.handle:hover { background: rgb(37 99 235 / 0.3); }
button { font: 600 12px system-ui, sans-serif; cursor: pointer; border: 1px solid #cbd5e1; background: #fff; color: #1e293b; }
.collapse { position: absolute; top: 10px; right: 10px; width: 28px; height: 28px; border-radius: 6px; }
.tab { writing-mode: vertical-rl; padding: 10px 5px; border-radius: 6px 0 0 6px; border-right: 0; box-shadow: -1px 1px 4px rgb(0 0 0 / 0.15); }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.host.dark iframe { background: ${DARK_SURFACE}; }
.host.dark button { border-color: #45556c; background: ${DARK_SURFACE}; color: #e2e8f0; }
.host.dark button:focus-visible { outline-color: #8ec5ff; }
`;

/** `stored` is the layout when the caller has read it already (mail.content.ts reads it early). */
export async function mountPanelFrame(signal: AbortSignal, stored: Promise<PanelLayout> = loadLayout()): Promise<void> {
  let layout: PanelLayout = await stored;
  if (signal.aborted) return;

  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = 'host';
  root.append(style, box);

  const handle = document.createElement('div');
  handle.className = 'handle';
  const frame = document.createElement('iframe');
  const panelUrl = browser.runtime.getURL('/panel.html');
  // The page's theme travels in the frame's URL fragment, read before React mounts (follow-host.ts):
  // no message, so it is there for the first paint. A later change goes through the background,
  // like every theme report (follow-tab.ts): a new fragment would reload the frame (Chromium reloads
  // a cross-origin frame even for that), losing whatever the user was typing in it.
  const showTheme = (theme: Theme) => {
    box.classList.toggle('dark', theme === 'dark');
    reportTheme(theme);
  };
  const theme = watchPageTheme(showTheme, signal);
  showTheme(theme);
  frame.src = `${panelUrl}#theme=${theme}`;
  frame.title = word('manifest_name');
  const collapse = document.createElement('button');
  collapse.className = 'collapse';
  collapse.textContent = '›';
  collapse.title = word('panelFrame_collapse');
  collapse.setAttribute('aria-label', word('panelFrame_collapse'));
  const tab = document.createElement('button');
  tab.className = 'tab';
  tab.textContent = word('manifest_name');
  tab.title = word('panelFrame_open');

  const room = makeRoom(host, signal);
  const render = () => {
    room(layout.collapsed ? 0 : layout.width);
    box.classList.toggle('collapsed', layout.collapsed);
    box.style.width = layout.collapsed ? '' : `${layout.width}px`;
    // The frame stays loaded while collapsed so reopening is instant and drafts survive.
    for (const el of [handle, frame, collapse]) el.style.display = layout.collapsed ? 'none' : '';
    tab.style.display = layout.collapsed ? '' : 'none';
  };
  const update = (next: Partial<PanelLayout>) => {
    layout = { ...layout, ...next };
    render();
    void saveLayout(layout);
  };

  collapse.addEventListener('click', () => update({ collapsed: true }), { signal });
  tab.addEventListener('click', () => update({ collapsed: false }), { signal });
  handle.addEventListener(
    'pointerdown',
    (down) => {
      handle.setPointerCapture(down.pointerId);
      // The frame would swallow pointer events while dragging over it.
      frame.style.pointerEvents = 'none';
      const move = (e: PointerEvent) => {
        box.style.width = `${clampWidth(window.innerWidth - e.clientX)}px`;
      };
      handle.addEventListener('pointermove', move, { signal });
      handle.addEventListener(
        'pointerup',
        (up) => {
          handle.removeEventListener('pointermove', move);
          frame.style.pointerEvents = '';
          update({ width: clampWidth(window.innerWidth - up.clientX) });
        },
        { once: true, signal },
      );
    },
    { signal },
  );

  box.append(handle, frame, collapse, tab);
  render();
  removeStaleHosts(panelUrl);
  // On <html>, not <body>: webmail re-renders its body content, and must not take the panel with it.
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());
  keepMounted(host, signal);
}
