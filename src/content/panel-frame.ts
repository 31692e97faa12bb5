import { browser } from 'wxt/browser';
import { keepMounted } from './keep-mounted';
import { clampWidth, loadLayout, saveLayout, type PanelLayout } from './panel-layout';
import { removeStaleHosts } from './stale-hosts';
import { t } from '../i18n';

/**
 * Hosts the panel: a closed shadow root holding an iframe of the extension's panel page, plus the
 * only things the content script itself draws: a collapse button, a collapsed tab and a resize
 * handle. None of them shows CRM text; that lives only inside the extension-origin frame, where
 * the page can neither read it nor probe it with `window.find` (security.md §0).
 */

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
`;

export async function mountPanelFrame(signal: AbortSignal): Promise<void> {
  let layout: PanelLayout = await loadLayout();
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
  frame.src = browser.runtime.getURL('/panel.html');
  frame.title = t('manifest.name');
  const collapse = document.createElement('button');
  collapse.className = 'collapse';
  collapse.textContent = '›';
  collapse.title = t('panelFrame.collapse');
  collapse.setAttribute('aria-label', t('panelFrame.collapse'));
  const tab = document.createElement('button');
  tab.className = 'tab';
  tab.textContent = t('manifest.name');
  tab.title = t('panelFrame.open');

  const render = () => {
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
  removeStaleHosts(frame.src);
  // On <html>, not <body>: webmail re-renders its body content, and must not take the panel with it.
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());
  keepMounted(host, signal);
}
