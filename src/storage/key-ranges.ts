import type { DBCoreKeyRange } from 'dexie';

/**
 * Key ranges for the Dexie middlewares (summaries/upkeep.ts, search/), which talk to DBCore
 * directly. DBCoreRangeType is a `const enum` in Dexie's typings, unusable with isolatedModules,
 * so its two values are spelt here once.
 */
export const RANGE = 2 as DBCoreKeyRange['type'];
const EQUAL = 1 as DBCoreKeyRange['type'];

/** Exactly `key`. */
export const equalTo = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key, lowerOpen: false, upperOpen: false });

/** Every key: numbers sort first in IndexedDB, arrays last. */
export const EVERY_KEY: DBCoreKeyRange = { type: RANGE, lower: -Infinity, upper: [[]], lowerOpen: false, upperOpen: false };
