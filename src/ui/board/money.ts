const formats = new Map<string, Intl.NumberFormat>();

/** An amount in the browser's locale, with its currency when it has one; whole amounts without cents. */
export function formatMoney(value: number, currency: string | undefined): string {
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

export const formatTotals = (totals: readonly [string, number][]) =>
  totals.map(([code, sum]) => formatMoney(sum, code || undefined)).join(' · ');
