import { describe, expect, it } from 'vitest';
import { formatMoney, formatTotals, parseAmount } from './money';

describe('amounts typed for a deal', () => {
  it.each([
    ['12000', 12000],
    ['12 000', 12000],
    ['12,000', 12000],
    ['12.000', 12000],
    ['12.000,50', 12000.5],
    ['12,000.50', 12000.5],
    ["1'250'000", 1250000],
    ['4800.5', 4800.5],
    ['\u202f4\u202f800 ', 4800],
  ])('reads %j as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('reads nothing as no value, and anything else as not a number, so the mutator refuses it with its message', () => {
    expect(parseAmount('  ')).toBeNull();
    expect(parseAmount('about 5k')).toBeNaN();
    expect(parseAmount('-300')).toBeNaN();
  });

  // The unit project runs in Node's default locale, en-US, like the browser tests.
  it('writes whole amounts without cents, others with the currency’s own digits, a bare number without a currency, nothing for no value', () => {
    expect(formatMoney(12_000, 'EUR')).toBe('€12,000');
    expect(formatMoney(5_000.5, 'USD')).toBe('$5,000.50');
    expect(formatMoney(1_500, undefined)).toBe('1,500');
    expect(formatMoney(null, 'EUR')).toBe('');
    expect(
      formatTotals([
        ['', 200],
        ['EUR', 3_000],
        ['USD', 5_000],
      ]),
    ).toBe('200 · €3,000 · $5,000');
  });
});
