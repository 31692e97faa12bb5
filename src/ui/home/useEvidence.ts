import { useEffect } from 'react';
import type { PersonTarget } from './route';

/**
 * On a person's page opened from an item, brings the note or task the item was about into view
 * and focuses it (marked with `data-evidence` for the highlight). The timeline and task list fill
 * in from their own queries, so it waits for the element to appear. Without one, the page itself
 * takes focus, so Escape and the page's keys work at once and a screen reader announces it.
 */
export function useEvidence(page: React.RefObject<HTMLElement | null>, target: PersonTarget, ready: boolean): void {
  const { noteId, taskId } = target;
  useEffect(() => {
    const root = page.current;
    if (!ready || !root) return;
    const selector = noteId ? `[data-note-id="${CSS.escape(noteId)}"]` : taskId ? `[data-task-id="${CSS.escape(taskId)}"]` : undefined;
    if (!selector) {
      root.focus();
      return;
    }
    const show = () => {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) return false;
      el.tabIndex = -1;
      el.dataset.evidence = '';
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return true;
    };
    if (show()) return;
    const watch = new MutationObserver(() => show() && watch.disconnect());
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [page, noteId, taskId, ready]);
}
