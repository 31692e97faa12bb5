import { useState } from 'react';
import { addStage } from '../../opportunities/opportunities';
import { db } from '../../storage/db';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';

/** "Add a stage": a name, and the new stage goes after the last open one, before Won and Lost. */
export function AddStage() {
  const [name, setName] = useState<string>();
  const { error, run } = useAction();
  if (name === undefined) {
    return (
      <button type="button" onClick={() => setName('')} className="text-xs text-blue-700 hover:underline">
        Add a stage
      </button>
    );
  }
  return (
    <form
      aria-label="Add a stage"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => addStage(db, name)).then((ok) => ok && setName(undefined));
      }}
      className="flex items-center gap-2 text-xs"
    >
      <input
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setName(undefined)}
        aria-label="Name of the new stage"
        placeholder="Trial"
        maxLength={100}
        className="rounded border border-slate-300 px-1 py-0.5"
      />
      <button type="submit" className="rounded bg-blue-700 px-2 py-0.5 text-white">
        Add
      </button>
      <button type="button" onClick={() => setName(undefined)} className="text-slate-600 underline">
        Cancel
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
