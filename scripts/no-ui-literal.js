/**
 * Every word a user reads goes through t() (src/i18n.ts) so that it has a German twin in
 * locales/de.yml. This rule fails on words written straight into a component: JSX text, a string
 * in a JSX expression (also in either branch of `a ? 'x' : 'y'` or after `&&`), and a string in an
 * attribute the user reads or hears (title, aria-label, placeholder, alt…). Symbols, numbers and
 * punctuation ("·", "×", "—") pass: they need no translation. ESLint names file:line for each.
 */
const USER_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'label',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  // Clyde's own props that carry words into the page.
  'empty',
  'dueLabel',
]);

/**
 * A word is letters, lower case after the first, with at most trailing punctuation: "Trial",
 * "saves.". Not words: addresses and examples ("acme.com", "https://…", "ana@example.com"),
 * codes ("EUR") and key names ("Alt+Shift+C"), which read the same in every language.
 */
const WORD = /^[("“‘]?\p{L}\p{Ll}+[)"”’.,:;!?…]*$/u;
const hasWords = (text) => text.split(/\s+/).some((token) => WORD.test(token));

/** The string literals an expression can evaluate to directly (not through calls). */
function literals(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node] : [];
    case 'TemplateLiteral':
      return node.quasis.some((q) => hasWords(q.value.cooked ?? '')) ? [node] : [];
    case 'ConditionalExpression':
      return [...literals(node.consequent), ...literals(node.alternate)];
    case 'LogicalExpression':
      return [...literals(node.left), ...literals(node.right)];
    case 'BinaryExpression':
      return node.operator === '+' ? [...literals(node.left), ...literals(node.right)] : [];
    case 'TSAsExpression':
      return literals(node.expression);
    default:
      return [];
  }
}

const text = (node) => (node.type === 'Literal' ? String(node.value) : node.quasis.map((q) => q.value.cooked ?? '').join(''));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text goes through t() (src/i18n.ts, locales/*.yml)' },
    messages: { literal: 'User-visible text "{{text}}" must go through t() with a key in locales/en.yml and locales/de.yml.' },
    schema: [],
  },
  create(context) {
    const report = (node, value) =>
      context.report({ node, messageId: 'literal', data: { text: value.trim().replace(/\s+/g, ' ').slice(0, 40) } });
    const check = (expression) => {
      for (const lit of literals(expression)) if (hasWords(text(lit))) report(lit, text(lit));
    };
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (!USER_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal') check(node.value);
        else if (node.value.type === 'JSXExpressionContainer') check(node.value.expression);
      },
      JSXExpressionContainer(node) {
        // Children only: attributes are judged above by their name (className="…" is no text).
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') check(node.expression);
      },
    };
  },
};
