/** An amount in its currency, the browser's way ("€12,000", "12.000 €"); a bare number without one. */
export function formatMoney(value: number | null | undefined, currency: string | undefined): string {
  if (value == null) return '';
  if (!currency) return new Intl.NumberFormat().format(value);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** "12000", "12 000", "12,000.50" → 12000.5; empty → null; anything else → NaN (the mutator says why). */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return null;
  // A comma or dot followed by exactly two digits at the end is a decimal mark; others group thousands.
  const m = /^(.*?)[.,](\d{1,2})$/.exec(t);
  const whole = (m ? m[1]! : t).replace(/[.,']/g, '');
  return /^\d+$/.test(whole) ? Number(m ? `${whole}.${m[2]}` : whole) : NaN;
}
