import { useEffect, useRef } from 'react';
import { HOME_PLACES, ShortcutList } from '../help/ShortcutList';

/** Home's keys, opened with "?"; focus moves in so Escape and Tab work at once, and goes back on close. */
export function HomeHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label="Keyboard shortcuts"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      className="fixed top-16 right-6 z-10 w-96 max-w-[calc(100vw-3rem)] rounded border border-slate-300 bg-white p-3 shadow-lg"
    >
      <ShortcutList places={HOME_PLACES} />
      <button type="button" onClick={onClose} className="mt-2 text-xs text-blue-700 underline">
        Close
      </button>
    </div>
  );
}
