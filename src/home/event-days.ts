import { dayKey, yearlyKey } from '../storage/summaries/summary';

/**
 * The index keys of the days from today to `days` ahead (local dates), each mapped to that day's
 * local midnight: `d:2026-12-24` for events that happen once, `y:12-24` for yearly ones. Across the
 * turn of the year the keys simply continue into January. A birthday on 29 February is kept on
 * 1 March in the years without one.
 */
export function eventKeysAround(now: Date, days: number): Map<string, number> {
  const keys = new Map<string, number>();
  for (let i = 0; i <= days; i++) {
    // Built from the calendar date, not by adding 24 h: a day across a daylight-saving change is 23 or 25 hours.
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
    const day = d.getTime();
    keys.set(dayKey(d), day);
    keys.set(yearlyKey(d), day);
    const leap = new Date(d.getFullYear(), 1, 29).getMonth() === 1;
    if (!leap && d.getMonth() === 2 && d.getDate() === 1) keys.set('y:02-29', day);
  }
  return keys;
}
