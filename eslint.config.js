import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noUiLiteral from './scripts/no-ui-literal.js';

/**
 * House rules (DESIGN.md §3, §8): TypeScript's recommended checks, and the layering, so that a
 * change crossing a layer fails here rather than in review. Layers, from the inside:
 * - parsers read a page and nothing else: no storage, UI, sync, React or Dexie;
 * - storage knows no UI;
 * - the in-page side (content scripts, src/content) opens no database and renders nothing:
 *   no Dexie, React or storage (it would write into the host site's IndexedDB);
 * - the server shares only the sync protocol with the extension.
 */
const restrict = (message, regex) => ['error', { patterns: [{ regex, message }] }];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Page data is text, never markup (security.md 11). Also why addons-linter's two innerHTML
    // warnings on React DOM are accepted (docs/addons-linter-warnings.json): the prop never reaches it.
    files: ['**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never markup (security.md 11).' },
      ],
    },
  },
  {
    // Two languages (issue #16): a word left in a component fails here, with its file:line.
    files: ['src/**/*.tsx', 'entrypoints/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { clyde: { rules: { 'no-ui-literal': noUiLiteral } } },
    rules: { 'clyde/no-ui-literal': 'error' },
  },
  {
    files: ['src/parsers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'Parsers read a page and nothing else (DESIGN.md §3).',
        '(^|/)(storage|ui|sync)(/|$)|^(dexie|react|react-dom)$',
      ),
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('Storage knows no UI (DESIGN.md §3).', '(^|/)ui(/|$)|^(react|react-dom)$') },
  },
  {
    files: ['src/content/**/*.ts', 'entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    rules: {
      'no-restricted-imports': restrict(
        'The in-page side opens no database and renders nothing (DESIGN.md §2).',
        '(^|/)(storage|ui)(/|$)|^(dexie|dexie-react-hooks|react|react-dom)$',
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'The server shares only the sync protocol with the extension (src/sync: protocol, account-protocol, writers-protocol, about-protocol, hlc, merge, erase, authorize).',
        '^(\\.\\./)+src/(?!sync/(protocol|account-protocol|writers-protocol|about-protocol|hlc|merge|erase|authorize)$)',
      ),
    },
  },
);
