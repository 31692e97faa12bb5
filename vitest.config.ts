import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three suites with different costs: unit (fast, fake-indexeddb and happy-dom), server (SQLite and
// a real PostgreSQL) and e2e (the built extension in Debian's Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/support/**/*.test.ts', 'test/sync/**/*.test.ts'],
          environment: 'node',
          // English messages for t() (test/support/i18n-setup.ts); `#i18n` is the module WXT generates.
          setupFiles: ['fake-indexeddb/auto', 'test/support/i18n-setup.ts'],
          alias: { '#i18n': fileURLToPath(new URL('.wxt/i18n/index.ts', import.meta.url)) },
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
