import Dexie from 'dexie';

/**
 * How many of Dexie's live queries are open in this realm, plus Dexie's own two listeners that
 * pass changes to other tabs: each live query subscribes to the global storage-mutated event until
 * it is closed. Dexie's typings leave the event's list of subscribers out; its DexieEvent has one.
 */
export function openLiveQueries(): number {
  return (Dexie.on.storagemutated as unknown as { subscribers: unknown[] }).subscribers.length;
}
