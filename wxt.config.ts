import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { PANEL_HOSTS, SUPPORTED_HOSTS } from './src/parsers/hosts';

// Firefox requires a data-collection declaration (from 2025-11); WXT's types predate the key.
// Names and addresses are read from pages but never leave the device unless the user connects
// a team server, which is their own.
const gecko = { id: 'clyde@clyde-crm.org', data_collection_permissions: { required: ['none'] } };

// WXT builds Chrome MV3 by default and Firefox with `-b firefox`.
export default defineConfig({
  imports: false, // explicit imports only: a reader can always see where a name comes from
  vite: () => ({ plugins: [tailwindcss()] }),
  hooks: {
    // WXT's content-script wrapper builds its own context before `main` runs, and that context
    // posts a window message naming the extension to every host page, which the page can also
    // forge to remove the panel (issue #15). Content scripts get Clyde's, which says nothing to the
    // page (src/content/quiet-context.ts). Only content-script builds: only their wrapper imports it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const quiet = fileURLToPath(new URL('src/content/quiet-context.ts', import.meta.url));
      config.plugins?.push({
        name: 'clyde:quiet-context',
        enforce: 'pre',
        resolveId: (id) => (id === 'wxt/utils/content-script-context' ? quiet : undefined),
      });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') delete manifest.externally_connectable;
    },
  },
  manifest: {
    name: 'Clyde',
    description: 'Remember what matters about the people you email. Private by default, works offline.',
    // alarms: team sync wakes the background every few minutes even when nothing else happens;
    // the daily digest and due-time reminders fire from alarms too.
    // notifications: the daily digest and a task's due-time reminder, shown by the browser on
    // this device only (Chrome's install prompt says "Display notifications"; both can be
    // turned off in Settings → Reminders).
    // contextMenus: "Add to <person>" on selected text (no install warning).
    // activeTab + scripting: "Read this page" runs the generic reader in a tab only when the user
    // asks (toolbar button or shortcut), with no host permission beyond the supported sites.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      'read-page': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Read this page with Clyde' },
      'open-home': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Open Clyde Home: today, reach out, at risk, best' },
    },
    // The same hosts the content scripts run on (so no new install warning). On webmail, host
    // permission lets Chromium give the panel frame the extension's unpartitioned IndexedDB; on
    // every supported site it lets the background read what the panel asks of a tab (page-inspect.ts).
    host_permissions: SUPPORTED_HOSTS,
    action: { default_title: 'Clyde' },
    // Only the panel document is exposed, only to the hosts it is injected into, with a
    // per-session URL so pages cannot fingerprint the extension (security.md R2).
    web_accessible_resources: [{ resources: ['panel.html'], matches: PANEL_HOSTS, use_dynamic_url: true }],
    // No page and no other extension may message Clyde (security.md A3). Chrome-only: removed
    // from the Firefox build below (Firefox never lets other add-ons or pages in by default).
    externally_connectable: { ids: [] },
    browser_specific_settings: { gecko },
  },
});
