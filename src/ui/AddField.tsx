import { useState } from 'react';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';

/** One line, Enter saves. The text stays until the save succeeds, so a failed save loses nothing. */
export function AddField({
  label,
  placeholder,
  onAdd,
  multiline = false,
}: {
  label: string;
  placeholder: string;
  onAdd: (text: string) => Promise<unknown>;
  multiline?: boolean;
}) {
  const [text, setText] = useState('');
  const { error, run } = useAction();
  const save = async () => {
    if (await run(() => onAdd(text))) setText('');
  };
  const common = {
    'aria-label': label,
    placeholder,
    value: text,
    className: 'w-full rounded border border-slate-300 px-2 py-1 focus:border-blue-600 focus:outline-none',
  };
  return (
    <div className="mt-1">
      {multiline ? (
        <textarea
          {...common}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter saves; Shift+Enter is a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void save();
            }
          }}
        />
      ) : (
        <input {...common} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} />
      )}
      <ErrorLine error={error} />
    </div>
  );
}
