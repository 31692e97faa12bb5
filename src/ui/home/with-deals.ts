import type { Shown } from '../../home/sections';

/**
 * A person section's page with the deals it also shows (all of them: deals are few). Undefined
 * until both are read, so the section's "nothing here" sentence never flashes before the deals come.
 */
export function withDeals<T, D>(people: Shown<T> | undefined, deals: D[] | undefined): Shown<T | D> | undefined {
  if (!people || !deals) return undefined;
  return { entries: [...people.entries, ...deals], total: people.total === undefined ? undefined : people.total + deals.length };
}
