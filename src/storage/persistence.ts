/**
 * Persistent storage (issue #15 point 5). Without it a browser may delete all of Clyde's data,
 * without asking, when the disk runs low; with it only the user can. Browsers remember the answer,
 * so asking on every page open costs nothing once granted (Firefox grants it to extensions with
 * `unlimitedStorage` without a prompt; Chrome decides by its own rules).
 */
export type Persistence = 'granted' | 'not-granted' | 'unavailable';

/** The parts of `navigator.storage` Clyde uses; only Window has `persist()`, not the service worker. */
export type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

export const browserStorage = (): StorageApi | undefined =>
  typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function' ? navigator.storage : undefined;

/** Asks for persistent storage unless it is granted already, and says how it stands. */
export async function askPersistence(storage = browserStorage()): Promise<Persistence> {
  if (!storage) return 'unavailable';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'unavailable'; // e.g. a private window that refuses the question
  }
}
