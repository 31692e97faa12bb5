import { describe, expect, it } from 'vitest';
import { emailSentAt } from './email-date';

// Local time, as the page prints it and as chrono reads it.
const now = new Date(2025, 10, 23, 12, 0);
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('emailSentAt', () => {
  it.each([
    ['Gmail, US English', 'Tue, Nov 18, 2025, 9:14 AM', at(2025, 11, 18, 9, 14)],
    ['Gmail, UK English', 'Tue, 18 Nov 2025, 09:14', at(2025, 11, 18, 9, 14)],
    ['Gmail, German', 'Di., 18. Nov. 2025, 09:14', at(2025, 11, 18, 9, 14)],
    ['Gmail, French', 'mar. 18 nov. 2025 09:14', at(2025, 11, 18, 9, 14)],
    ['Gmail, Spanish', 'mar, 18 de nov. de 2025, 9:14', at(2025, 11, 18, 9, 14)],
    ['Outlook, US', 'Tue 11/18/2025 10:02 AM', at(2025, 11, 18, 10, 2)],
    ['Outlook, day first', 'Tue 18/11/2025 10:02', at(2025, 11, 18, 10, 2)],
  ])('reads %s', (_, text, expected) => {
    expect(emailSentAt([text], now)).toBe(expected);
  });

  it('settles a day/month mix-up by the printed weekday, whatever the locale prefers', () => {
    // 5 November 2025 was a Wednesday; read month first it would be 11 May, a Sunday.
    expect(emailSentAt(['Wed 05/11/2025 10:02'], now)).toBe(at(2025, 11, 5, 10, 2));
    expect(emailSentAt(['Sun 05/11/2025 10:02'], now, { dayFirst: true })).toBe(at(2025, 5, 11, 10, 2));
    // Without a weekday the user's locale decides.
    expect(emailSentAt(['05/11/2025 10:02'], now)).toBe(at(2025, 5, 11, 10, 2));
    expect(emailSentAt(['05/11/2025 10:02'], now, { dayFirst: true })).toBe(at(2025, 11, 5, 10, 2));
  });

  it('takes the latest of a thread’s messages, in whatever order the site lists them', () => {
    expect(emailSentAt(['Wed, Nov 19, 2025, 8:05 AM', 'Tue, Nov 18, 2025, 9:14 AM'], now)).toBe(at(2025, 11, 19, 8, 5));
    expect(emailSentAt(['Nov 18', 'Tue, Nov 18, 2025, 9:14 AM', '10:40 AM'], now)).toBe(at(2025, 11, 18, 9, 14));
  });

  it.each([
    ['no dates', []],
    ['a day without its year', ['Nov 18']],
    ['a time alone', ['10:40 AM']],
    ['a weekday that no reading of the date fits', ['Fri 05/11/2025 10:02']],
    ['a date in the future', ['Tue, Nov 24, 2026, 9:14 AM']],
    ['a date before e-mail was common', ['Mon, Jan 1, 1900, 9:00 AM']],
    ['markup and noise', ['<img src=x onerror=alert(1)>', '\u202e\u200b', 'x'.repeat(200)]],
  ])('is undefined for %s, so the entry is dated when it is logged', (_, texts) => {
    expect(emailSentAt(texts, now)).toBeUndefined();
  });
});
