import type { Rule } from 'eslint';

/** The lint rule in no-ui-literal.js (plain JS: eslint.config.js loads it without a build). */
declare const rule: Rule.RuleModule;
export default rule;
