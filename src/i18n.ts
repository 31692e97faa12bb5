import { i18n } from '#i18n';

/**
 * Every user-visible string: `t('panel.remember.add')`, with `{name}` substitutions and
 * "one | many" plurals (`t('key', n, [formatNumber(n)])`). Messages live in locales/<lang>.yml;
 * the browser's language picks them (browser.i18n), and English is the fallback for a missing one.
 */
export const t = i18n.t;

const numbers = new Intl.NumberFormat();

/** A count in the browser's locale: "1,204" in English, "1.204" in German. */
export const formatNumber = (n: number) => numbers.format(n);
