import { useState } from 'react';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';

/**
 * A saved text with Edit and Delete. Editing happens in place: Enter saves, Escape cancels.
 * The displayed text always comes from the database row, never from a copy in state.
 */
export function EditableText({ text, label, onSave, onDelete, children }: { text: string; label: string; onSave: (text: string) => Promise<unknown>; onDelete: () => Promise<unknown>; children?: React.ReactNode }) {
  const [draft, setDraft] = useState<string | undefined>();
  const { error, run } = useAction();

  if (draft !== undefined) {
    return (
      <div>
        <input
          autoFocus
          aria-label={`Edit ${label}`}
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
  return (
    <div className="group flex items-start gap-1">
      <div className="min-w-0 flex-1 break-words whitespace-pre-wrap">{text}</div>
      {children}
      <button type="button" aria-label={`Edit ${label}`} onClick={() => setDraft(text)} className="text-xs text-slate-400 opacity-0 group-hover:opacity-100 hover:text-blue-700 focus:text-blue-700 focus:opacity-100">
        Edit
      </button>
      <button type="button" aria-label={`Delete ${label}`} onClick={() => void run(onDelete)} className="text-xs text-slate-400 opacity-0 group-hover:opacity-100 hover:text-red-700 focus:text-red-700 focus:opacity-100">
        Delete
      </button>
      <ErrorLine error={error} />
    </div>
  );
}
