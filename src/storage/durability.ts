import Dexie, { type DBCore, type Middleware } from 'dexie';

/**
 * Durability per transaction. Clyde opens its database with strict durability: a note the user
 * saw saved must survive a crash or power loss (db.ts). Writes that can always be made again need
 * not wait for the disk: a team catch-up's pages (a page lost with its cursor is pulled again),
 * and what is derived from the records and rebuilt from a queue kept in the same transaction
 * (search words, Home's summaries). Those open their transactions through `relaxed`, which is
 * what IndexedDB gives every page by default, and a big join no longer waits for a disk flush
 * per page. A later strict commit flushes them too: the browser writes one log, in order.
 */

/**
 * Dexie's zones (Dexie.Promise's zone API, missing from its typings, as in summaries/upkeep.ts):
 * Dexie creates a transaction a moment after `db.transaction` is called, in the caller's zone, so
 * a zone property marks it where a module flag would mark whatever came first.
 */
const zones = Dexie.Promise as unknown as { PSD: { relaxedDurability?: true }; newPSD<T>(fn: () => T, props: object): T };

/**
 * Calls `open`, whose read-write transaction then has relaxed durability, as does any opened
 * from inside it (none is, where this is used).
 */
export function relaxed<T>(open: () => T): T {
  return zones.newPSD(open, { relaxedDurability: true });
}

export const durabilityMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Durability',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(stores, mode, zones.PSD.relaxedDurability && mode === 'readwrite' ? { ...options, durability: 'relaxed' } : options),
  }),
};
