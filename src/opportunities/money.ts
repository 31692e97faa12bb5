const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in the browser's locale, with its currency when it has one ("€12,000", "12.000 €",
 * "$5,000.50"): whole amounts without cents. Nothing for no value.
 */
export function formatMoney(value: number | null | undefined, currency: string | undefined): string {
  if (value == null) return '';
  const whole = Number.isInteger(value);
  const key = `${currency ?? ''}|${whole}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      ...(currency ? { style: 'currency', currency } : {}),
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** Totals per currency, as a column of the board shows them: "200 · €3,000 · $5,000". */
export const formatTotals = (totals: readonly [string, number][]) =>
  totals.map(([code, sum]) => formatMoney(sum, code || undefined)).join(' · ');

/** "12000", "12 000", "12,000.50" → 12000.5; empty → null; anything else → NaN (the mutator says why). */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return null;
  // A comma or dot followed by exactly two digits at the end is a decimal mark; others group thousands.
  const m = /^(.*?)[.,](\d{1,2})$/.exec(t);
  const whole = (m ? m[1]! : t).replace(/[.,']/g, '');
  return /^\d+$/.test(whole) ? Number(m ? `${whole}.${m[2]}` : whole) : NaN;
}
