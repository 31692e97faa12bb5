import { useState } from 'react';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

/**
 * A field of a company or a deal shown as text, edited in place: click (or Enter on it) to edit,
 * Enter saves, Escape cancels. What was typed stays until the save succeeds.
 */
export function InlineEdit({
  value,
  label,
  placeholder,
  onSave,
  className = '',
  type = 'text',
  display,
}: {
  value: string;
  label: string;
  placeholder?: string;
  onSave: (text: string) => Promise<unknown>;
  className?: string;
  type?: 'text' | 'date';
  /** How the value reads when not editing (a formatted amount, a date). */
  display?: string;
}) {
  const [draft, setDraft] = useState<string>();
  const { error, run } = useAction();
  if (draft === undefined) {
    return (
      <button
        type="button"
        aria-label={t('editable.edit', { what: label })}
        onClick={() => setDraft(value)}
        className={`text-left hover:bg-slate-100 ${className}`}
      >
        {(display ?? value) || <span className="text-slate-400">{placeholder ?? label}</span>}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-col">
      <input
        autoFocus
        type={type}
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={async (e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(undefined);
          }
          if (e.key === 'Enter' && (await run(() => onSave(draft)))) setDraft(undefined);
        }}
        className={`rounded border border-blue-600 px-1 focus:outline-none ${className}`}
      />
      <ErrorLine error={error} />
    </span>
  );
}
