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

  it('formats in its currency the browser’s way, and a bare number without one', () => {
    expect(formatMoney(12000, 'EUR')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(12000),
    );
    expect(formatMoney(12000, undefined)).toBe(new Intl.NumberFormat().format(12000));
    expect(formatMoney(null, 'EUR')).toBe('');
  });
});
