import { useEffect, useRef } from 'react';
import { ShortcutList, type Place } from './ShortcutList';
import { t } from '../../i18n';

/**
 * The list of keys as a small dialog, for the panel's "?" and Home's: focus moves in when it
 * opens, so Escape and Tab work at once; Escape or Close closes it. `className` places it.
 */
export function ShortcutDialog({ onClose, places, className }: { onClose: () => void; places?: Place[]; className: string }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div
      ref={dialog}
      role="dialog"
      aria-label={t('shortcuts.title')}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      className={`z-10 rounded border border-slate-300 bg-white p-3 shadow-lg ${className}`}
    >
      <ShortcutList places={places} />
      <button type="button" onClick={onClose} className="mt-2 text-xs text-blue-700 underline">
        {t('common.close')}
      </button>
    </div>
  );
}
