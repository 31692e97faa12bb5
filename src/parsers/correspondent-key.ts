import type { Correspondent } from './schema';

/**
 * What names one of a page's people across reads of the page: the panel's pick and the context
 * menu's person are both kept as this key, so a re-read of the same page keeps the same person.
 */
export const keyOf = (c: Correspondent) => c.email ?? c.handle ?? c.profileUrl ?? '';
