import { useState } from 'react';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';
import { t } from '../i18n';

/**
 * A saved text with Edit and Delete. Editing happens in place: Enter saves, Escape cancels.
 * The displayed text always comes from the database row, never from a copy in state. With
 * `deleteRefusal` (a teammate's shared record), Delete deletes nothing and says why instead.
 */
export function EditableText({
  text,
  label,
  onSave,
  onDelete,
  deleteRefusal,
  children,
}: {
  text: string;
  label: string;
  onSave: (text: string) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
  deleteRefusal?: string | undefined;
  children?: React.ReactNode;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  const [why, setWhy] = useState(false);
  const { error, run } = useAction();

  if (draft !== undefined) {
    return (
      <div>
        <input
          autoFocus
          aria-label={t('editable.edit', { what: label })}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={async (e) => {
            if (e.key === 'Escape') setDraft(undefined);
            if (e.key === 'Enter' && (await run(() => onSave(draft)))) setDraft(undefined);
          }}
          className="w-full rounded border border-blue-600 px-2 py-1 focus:outline-none"
        />
        <ErrorLine error={error} />
      </div>
    );
  }
  // The hover actions are glyphs, not words: hidden, they still take their width, and words took
  // a quarter of a narrow panel's line from the text.
  const action = 'w-4 flex-none text-center text-xs text-slate-400 opacity-0 group-hover:opacity-100 focus:opacity-100';
  return (
    <div>
      <div className="group flex items-start gap-1">
        <div className="min-w-0 flex-1 break-words whitespace-pre-wrap">{text}</div>
        {children}
        <button
          type="button"
          aria-label={t('editable.edit', { what: label })}
          title={t('editable.editTitle')}
          onClick={() => setDraft(text)}
          className={`${action} hover:text-blue-700 focus:text-blue-700`}
        >
          ✎
        </button>
        <button
          type="button"
          aria-label={t('editable.delete', { what: label })}
          title={deleteRefusal ?? t('editable.deleteTitle')}
          aria-disabled={deleteRefusal ? true : undefined}
          onClick={() => (deleteRefusal ? setWhy(!why) : void run(onDelete))}
          className={`${action} ${deleteRefusal ? 'cursor-help' : 'hover:text-red-700 focus:text-red-700'}`}
        >
          ✕
        </button>
      </div>
      {deleteRefusal && why && (
        <p role="note" data-testid="delete-refused" className="text-xs text-slate-500">
          {deleteRefusal}
        </p>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
