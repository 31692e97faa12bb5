import { useEffect, useRef, useState } from 'react';
import { keysLabel, shortcut, useShortcut } from '../shortcuts';
import { ShortcutList } from './ShortcutList';

/** "?" in the panel's header, and the "?" key: the list of shortcuts. Escape closes it. */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useShortcut('help', () => setOpen((o) => !o));
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const keys = keysLabel(shortcut('help'));
  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts={keys}
        title={`Keyboard shortcuts (${keys})`}
        onClick={() => setOpen((o) => !o)}
        className="h-5 w-5 rounded-full border border-slate-300 text-xs leading-none text-slate-500 hover:border-blue-600 hover:text-blue-700"
      >
        ?
      </button>
      {open && <HelpDialog onClose={close} />}
    </>
  );
}

function HelpDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  // Focus moves into the list when it opens, so Escape and Tab work at once.
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label="Keyboard shortcuts"
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      className="absolute inset-x-3 top-10 z-10 rounded border border-slate-300 bg-white p-3 shadow-lg"
    >
      <ShortcutList />
      <button type="button" onClick={onClose} className="mt-2 text-xs text-blue-700 underline">
        Close
      </button>
    </div>
  );
}
