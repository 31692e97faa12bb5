import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import type { Shown } from '../../home/sections';

/**
 * Sections whose first read is still out. Counting a section's total is slow over thousands of
 * people (Chromium counts an index range key by key, sections.ts), and the database answers one
 * request after another: a count started as soon as Today is drawn would hold back the entries of
 * every section still reading. So totals are counted once every section is on screen.
 */
const reading = new Set<object>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const allRead = () => reading.size === 0;

/** Marks a section as reading until `done`; called by `useSection`. */
export function useFirstRead(done: boolean): void {
  useEffect(() => {
    if (done) return;
    const section = {};
    reading.add(section);
    return () => {
      reading.delete(section);
      if (allRead()) for (const listener of listeners) listener();
    };
  }, [done]);
}

/**
 * A section's page with its total: the one its own read found, else counted in a second live read
 * once every section's entries are in. Counted at the "now" the entries were read at.
 */
export function useTotal<T>(
  section: { now: Date; data: Shown<T> } | undefined,
  count: (now: Date) => Promise<number>,
): Shown<T> | undefined {
  const ready = useSyncExternalStore(subscribe, allRead);
  const counting = ready && section !== undefined && section.data.total === undefined;
  const total = useLiveQuery(() => (counting ? count(section.now) : undefined), [counting, section?.now]);
  return section && { ...section.data, total: section.data.total ?? total };
}
