import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './no-ui-literal.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
const error = { messageId: 'literal' };

// The check `npm run lint` runs on every component: words fail, symbols, examples and t() pass.
tester.run('no-ui-literal', rule, {
  valid: [
    "<p>{t('app.noOne')}</p>",
    '<button>★ ✕ · — ?</button>',
    '<input placeholder="ana@example.com" />',
    '<input placeholder="https://sync.example.com" aria-label={t(\'team.server\')} />',
    '<kbd>Alt+Shift+C</kbd>',
    '<InlineEdit placeholder="EUR" />',
    '<div className="text-xs text-slate-500" data-testid="no-one" />',
    "<p>{count > 1 ? formatNumber(count) : ''}</p>",
  ],
  invalid: [
    { code: '<p>No one here.</p>', errors: [error] },
    { code: '<button title="Edit">✎</button>', errors: [error] },
    { code: '<input aria-label={`Edit ${label}`} />', errors: [error] },
    { code: '<input placeholder="What did you learn?" />', errors: [error] },
    { code: "<span>{shared ? 'Shared' : 'Private'}</span>", errors: [error, error] },
    { code: "<p>{busy && 'Importing…'}</p>", errors: [error] },
    { code: '<HomeSection empty="Nothing due today." />', errors: [error] },
    { code: '<img alt="Avatar" />', errors: [error] },
  ],
});
