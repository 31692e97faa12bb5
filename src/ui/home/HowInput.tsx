import { useState } from 'react';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * The one-line "how?" an item asks before it writes a note: Enter saves (empty is fine: the note
 * then only says it was done), Escape leaves without writing. The text stays until the save succeeds.
 */
export function HowInput({ label, onSave, onClose }: { label: string; onSave: (how: string) => Promise<unknown>; onClose: () => void }) {
  const [how, setHow] = useState('');
  const { error, run } = useAction();
  return (
    <div className="mt-1">
      <input
        autoFocus
        aria-label={label}
        placeholder={t('home.how')}
        value={how}
        onChange={(e) => setHow(e.target.value)}
        onKeyDown={async (e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (await run(() => onSave(how))) onClose();
          }
        }}
        className="w-full rounded border border-blue-600 px-2 py-1 focus:outline-none"
      />
      <ErrorLine error={error} />
    </div>
  );
}
