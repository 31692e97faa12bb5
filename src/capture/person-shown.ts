import type { Correspondent } from '../parsers/schema';
import { coveringEntry } from '../storage/records/never-log';

/**
 * Who the panel shows among a page's people, in one place for the panel and the context menu's
 * "Add to <person>", so the two can never name different people.
 */

/** What names one of a page's people across reads of the page: the panel's pick is kept as this key. */
export const keyOf = (c: Correspondent) => c.email ?? c.handle ?? c.profileUrl ?? '';

/** The page's people minus anyone on the never-log list: nothing is shown or created for them. */
export const loggablePeople = (people: Correspondent[], neverLog: ReadonlySet<string>) =>
  people.filter((p) => !coveringEntry(neverLog, p.email));

/** The one picked while still among `people`, else the first (the most relevant). */
export const pickedOrFirst = (people: Correspondent[], picked: unknown) => people.find((p) => keyOf(p) === picked) ?? people[0];

/** The person the panel shows on a page with these people, never-log list and pick. */
export const personShown = (people: Correspondent[], neverLog: ReadonlySet<string>, picked: unknown) =>
  pickedOrFirst(loggablePeople(people, neverLog), picked);
