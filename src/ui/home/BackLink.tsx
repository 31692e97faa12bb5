import { useEffect } from 'react';
import { keysLabel, matches, shortcut, typingIn } from '../shortcuts';
import { t } from '../../i18n';

/** "← Back to Home", also on Escape: not while typing (Escape cancels an edit there), nor when a dialog on the page took the key. */
export function BackLink({ onBack }: { onBack: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matches(shortcut('home.back'), e) && !typingIn(e.target) && !e.defaultPrevented) onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);
  return (
    <button type="button" onClick={onBack} aria-keyshortcuts={keysLabel(shortcut('home.back'))} className="text-xs text-blue-700 underline">
      {t('home.back')}
    </button>
  );
}
