import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { SECTION_LIMIT } from '../../home/sections';
import { useFirstRead } from './totals';

/**
 * Home's "now", read in this one place: every section and every sentence on Home takes the time
 * from here. Tests move it by moving the page's own clock (Playwright's `page.clock` end to end,
 * `vi.setSystemTime` in unit tests), so no build carries a switch to set it.
 */
export const homeNow = () => new Date();

const MINUTE = 60_000;

/** Changes every minute, so a Home tab left open reads its sections again as time passes (overnight: a new day). */
function useMinute(): number {
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setMinute((m) => m + 1), MINUTE);
    return () => clearInterval(id);
  }, []);
  return minute;
}

/**
 * One section's data, read live: again on every change to the database (a complaint captured in the
 * panel shows at once) and every minute. The time is read when the query runs, and returned with
 * the data, so what a section says and what it selected agree on what "now" was.
 */
export function useSection<T>(read: (now: Date) => Promise<T>, deps: unknown[] = []): { now: Date; data: T } | undefined {
  const minute = useMinute();
  const section = useLiveQuery(async () => {
    const now = homeNow();
    return { now, data: await read(now) };
  }, [minute, ...deps]);
  useFirstRead(section !== undefined);
  return section;
}

/** How many items a section shows: the first few until the user asks for all of them. */
export function useLimit(): [limit: number, showAll: () => void] {
  const [limit, setLimit] = useState(SECTION_LIMIT);
  return [limit, () => setLimit(Infinity)];
}
