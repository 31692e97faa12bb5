import { useRef, useState } from 'react';
import { keysLabel, shortcut, useShortcut } from '../shortcuts';
import { ShortcutDialog } from './ShortcutDialog';
import { t } from '../../i18n';

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
        aria-label={t('shortcuts.title')}
        aria-keyshortcuts={keys}
        title={t('shortcuts.titleWithKeys', { keys })}
        onClick={() => setOpen((o) => !o)}
        className="h-5 w-5 rounded-full border border-slate-300 text-xs leading-none text-slate-500 hover:border-blue-600 hover:text-blue-700"
      >
        ?
      </button>
      {open && <ShortcutDialog onClose={close} className="absolute inset-x-3 top-10" />}
    </>
  );
}
