import { describe, expect, it } from 'vitest';
import { formatMoney, formatTotals } from './money';

// The unit project runs in Node's default locale, en-US, like the browser tests.
describe('formatMoney', () => {
  it('writes whole amounts without cents, others with the currency’s own digits, and a bare number without a currency', () => {
    expect(formatMoney(12_000, 'EUR')).toBe('€12,000');
    expect(formatMoney(5_000.5, 'USD')).toBe('$5,000.50');
    expect(formatMoney(1_500, undefined)).toBe('1,500');
    expect(
      formatTotals([
        ['', 200],
        ['EUR', 3_000],
        ['USD', 5_000],
      ]),
    ).toBe('200 · €3,000 · $5,000');
  });
});
