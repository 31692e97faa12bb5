import { useEffect, useRef } from 'react';
import { matches, shortcut, typingIn } from '../shortcuts';

const rowsIn = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>('[data-row]')];

/**
 * j and k move between Home's items across all sections (the items are found in the page, in the
 * order they show). Focus is kept where the user is: an item that goes away after its action (a
 * task done, a reason resolved) hands focus to the item that took its place, and coming back from
 * a person's page returns to the item that opened it.
 */
export function useListKeys(list: React.RefObject<HTMLElement | null>, active: boolean): void {
  const last = useRef<{ row: HTMLElement; index: number }>(undefined);

  useEffect(() => {
    const root = list.current;
    if (!root) return;
    const onFocus = (e: FocusEvent) => {
      const row = (e.target as Element).closest<HTMLElement>('[data-row]');
      if (row) last.current = { row, index: rowsIn(root).indexOf(row) };
    };
    const refocus = () => {
      const was = last.current;
      if (!was || was.row.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      const rows = rowsIn(root);
      rows[Math.min(was.index, rows.length - 1)]?.focus();
    };
    const watch = new MutationObserver(refocus);
    watch.observe(root, { childList: true, subtree: true });
    root.addEventListener('focusin', onFocus);
    return () => {
      watch.disconnect();
      root.removeEventListener('focusin', onFocus);
    };
  }, [list]);

  useEffect(() => {
    const root = list.current;
    if (!active || !root) return;
    const was = last.current;
    if (was?.row.isConnected) was.row.focus();
    // Done on the person's page (a task ticked there): the item that took its place.
    else if (was) rowsIn(root)[Math.min(was.index, rowsIn(root).length - 1)]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target) || e.defaultPrevented) return;
      const step = matches(shortcut('home.next'), e) ? 1 : matches(shortcut('home.previous'), e) ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const rows = rowsIn(root);
      const at = rows.indexOf((document.activeElement?.closest('[data-row]') as HTMLElement | null) ?? root);
      const next = at === -1 ? rows[step > 0 ? 0 : rows.length - 1] : rows[Math.max(0, Math.min(rows.length - 1, at + step))];
      next?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list, active]);
}
