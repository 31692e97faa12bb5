import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import type { Rollup } from 'vite';
import { PANEL_HOSTS, SUPPORTED_HOSTS } from './src/parsers/hosts';
import { DATA_SENT_TO_TEAM } from './src/sync/data-sent';
import { makeZipReproducible } from './scripts/reproducible-zip';

// Firefox's data-collection declaration (PRIVACY.md says the same in words). Nothing is required:
// without a team server nothing leaves the browser. What connecting one sends is optional, and
// joining a team asks for it (src/sync/data-sent.ts).
const gecko = {
  id: 'clyde@clyde-crm.org',
  data_collection_permissions: { required: ['none'], optional: [...DATA_SENT_TO_TEAM] },
};

/**
 * zod's sources carry comments that mention `@__PURE__` in prose, and Rollup warns once per
 * bundle that it cannot use them: a dozen identical warnings that buried what a build has to say.
 * Only that warning, only for zod, is dropped.
 */
function quietKnownWarnings(warning: Rollup.RollupLog, warn: (w: Rollup.RollupLog) => void) {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
  warn(warning);
}

// WXT builds Chrome MV3 by default and Firefox with `-b firefox`.
export default defineConfig({
  imports: false, // explicit imports only: a reader can always see where a name comes from
  // `wxt/browser` becomes Mozilla's webextension-polyfill in every entrypoint, so each one sees the
  // same promise-based `browser` in Chrome and Firefox (DESIGN's stack card); what it costs the
  // content scripts is in README's figures. Every user-visible string lives in locales/<lang>.yml;
  // the browser picks the language (src/i18n.ts), and the i18n module writes _locales/*/messages.json
  // and the key types.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [tailwindcss()],
    build: { rollupOptions: { onwarn: quietKnownWarnings, output: { experimentalMinChunkSize: 20_000 } } },
  }),
  // `npm run zip`: the Chrome zip, the Firefox zip and the sources zip AMO asks for
  // (docs/store.md). The sources hold what `npm ci && npm run zip` needs and the docs a reviewer
  // reads; the server, the tests and the saved pages the parsers are tested on (several MB) stay out.
  zip: {
    excludeSources: ['server/**', 'test/**', 'scripts/**', 'docs/*.png', 'src/**/fixtures/**', 'demo-screenshot-*.png', 'test-results/**'],
    // Kept from scripts/: wxt.config.ts imports it at build time.
    includeSources: ['scripts/reproducible-zip.ts'],
  },
  hooks: {
    // WXT's content-script wrapper builds its own context before `main` runs, and that context
    // posts a window message naming the extension to every host page, which the page can also
    // forge to remove the panel (issue #15). Content scripts get Clyde's, which says nothing to the
    // page (src/content/quiet-context.ts). Only content-script builds: only their wrapper imports it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      // Every webmail page load pays for the content script, and the polyfill made it 2.6 KB
      // bigger: terser, three passes and DOM getters taken as free of side effects, takes about
      // 1.1 KB (7%) more off it than esbuild's minifier. Only these bundles: the extension pages
      // are not worth the slower build.
      config.build = { ...config.build, minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, pure_getters: true } } };
      const quiet = fileURLToPath(new URL('src/content/quiet-context.ts', import.meta.url));
      config.plugins?.push({
        name: 'clyde:quiet-context',
        enforce: 'pre',
        resolveId: (id) => (id === 'wxt/utils/content-script-context' ? quiet : undefined),
      });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') delete manifest.externally_connectable;
      // Chrome does not know the key and lists it as an error on chrome://extensions.
      else delete manifest.browser_specific_settings;
    },
    'zip:extension:done': (_wxt, zipPath) => makeZipReproducible(zipPath),
    'zip:sources:done': (_wxt, zipPath) => makeZipReproducible(zipPath),
  },
  manifest: {
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
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
      'read-page': { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_manifest_commands_readPage__' },
      'open-home': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_manifest_commands_openHome__' },
    },
    // The same hosts the content scripts run on (so no new install warning). On webmail, host
    // permission lets Chromium give the panel frame the extension's unpartitioned IndexedDB; on
    // every supported site it lets the background read what the panel asks of a tab (page-inspect.ts).
    host_permissions: SUPPORTED_HOSTS,
    action: { default_title: '__MSG_manifest_name__' },
    // Only the panel document is exposed, only to the hosts it is injected into, with a
    // per-session URL so pages cannot fingerprint the extension (security.md R2).
    web_accessible_resources: [{ resources: ['panel.html'], matches: PANEL_HOSTS, use_dynamic_url: true }],
    // No page and no other extension may message Clyde (security.md A3). Chrome-only: removed
    // from the Firefox build below (Firefox never lets other add-ons or pages in by default).
    externally_connectable: { ids: [] },
    browser_specific_settings: { gecko },
  },
});
