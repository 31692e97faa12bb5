import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useReducer, useState } from 'react';
import type { Correspondent, PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { findPersonForCorrespondent } from '../storage/records/identity-lookup';
import { neverLogSet } from '../storage/records/never-log';
import { loggablePeople, pickedOrFirst } from '../capture/person-shown';
import type { Person } from '../storage/schema';

/** A page as the panel shows it: its people, and the one in view with the person Clyde knows them as. */
export interface PageView {
  context: PageContext;
  /** The page's people minus anyone on the never-log list, most relevant first. */
  people: Correspondent[];
  /** The one shown: the picked one while still on the page, else the first. Undefined when no one is left. */
  current: Correspondent | undefined;
  /** Who `current` is; undefined when Clyde has not met them yet. */
  person: Person | undefined;
  picked: string | undefined;
}

/** One read-only transaction, and the likely person looked up alongside the never-log list rather than after it. */
function readPageView(context: PageContext, picked: string | undefined): Promise<PageView> {
  return db.transaction('r', [db.neverLog, db.identities, db.people], async () => {
    const likely = pickedOrFirst(context.people, picked);
    const [neverLog, likelyPerson] = await Promise.all([neverLogSet(db), likely && findPersonForCorrespondent(db, likely)]);
    // Never-logged correspondents are left out before anything is shown or can be created.
    const people = loggablePeople(context.people, neverLog);
    const current = pickedOrFirst(people, picked);
    const person = current === likely ? likelyPerson : current && (await findPersonForCorrespondent(db, current));
    return { context, people, current, person, picked };
  });
}

/**
 * Keeps one live query on the page in view. It is pointed at a new page during the render that
 * receives it, so the database read starts at once, not after React has committed, run its
 * effects and Dexie has waited a timer tick (the switch the panel bench times).
 */
class PageViewReader {
  view: PageView | undefined;
  error: unknown;
  private wanted: { context: PageContext | null | undefined; picked: string | undefined } | undefined;
  private subscription: Subscription | undefined;
  private changed: (() => void) | undefined;

  /** Idempotent, so a render React repeats or throws away costs nothing and leaks nothing. */
  want(context: PageContext | null | undefined, picked: string | undefined): void {
    if (this.wanted && this.wanted.context === context && this.wanted.picked === picked) return;
    this.close();
    this.wanted = { context, picked };
    // No page: nothing to read, and nothing of the last page may flash back when the next one comes.
    if (!context) return void (this.view = undefined);
    this.subscription = liveQuery(() => readPageView(context, picked)).subscribe({
      next: (view) => {
        this.view = view;
        this.error = undefined;
        this.changed?.();
      },
      error: (error: unknown) => {
        this.error = error;
        this.changed?.();
      },
    });
  }

  listen(changed: () => void): () => void {
    this.changed = changed;
    // A read may have landed between the render and this effect; and after a remount (React's
    // StrictMode check) the query has to be opened again by the next render's `want`.
    changed();
    return () => {
      this.changed = undefined;
      this.close();
    };
  }

  private close() {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.wanted = undefined;
  }
}

/**
 * The page's visible people and the one in view with their person, read live; `undefined` while
 * loading, `null` when there is no page. `picked` is the key of the person the user chose among
 * the page's people.
 *
 * When the page changes, the previous page's view stays until the new one is read: the panel then
 * swaps the old person for the new one in a single commit, instead of committing an empty view,
 * painting it, querying and committing again.
 */
export function usePageView(context: PageContext | null | undefined, picked: string | undefined): PageView | null | undefined {
  const [reader] = useState(() => new PageViewReader());
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => reader.listen(changed), [reader]);
  reader.want(context, picked);
  if (reader.error) throw reader.error;
  if (!context) return context;
  return reader.view;
}
