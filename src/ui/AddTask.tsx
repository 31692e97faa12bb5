import { useState } from 'react';
import { AddField } from './AddField';
import { parseDayInput } from './dates';

/** A task's title, Enter adds it, with an optional due day beside it; the day clears once it is added. */
export function AddTask({
  label,
  placeholder,
  dueLabel,
  onAdd,
}: {
  label: string;
  placeholder: string;
  dueLabel: string;
  onAdd: (title: string, due: number | undefined) => Promise<unknown>;
}) {
  const [due, setDue] = useState('');
  return (
    <div className="flex items-start gap-1">
      <div className="flex-1">
        <AddField
          label={label}
          placeholder={placeholder}
          onAdd={async (title) => {
            await onAdd(title, parseDayInput(due));
            setDue('');
          }}
        />
      </div>
      <input
        type="date"
        aria-label={dueLabel}
        value={due}
        onChange={(e) => setDue(e.target.value)}
        className="mt-1 w-32 rounded border border-slate-300 px-1 py-1 text-xs"
      />
    </div>
  );
}
