import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../storage/db';
import { lookAlikes } from '../storage/people/look-alikes';
import { mergePeople } from '../storage/people/merge-people';
import type { Person } from '../storage/schema';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';

/**
 * People who look like this one, with the reason; merging always asks first and can be undone.
 * A suggestion whose names or domains only look alike carries a visible warning.
 */
export function LookAlikes({ person }: { person: Person }) {
  const similar = useLiveQuery(() => lookAlikes(db, person), [person.id, person.name, person.company]);
  const [confirming, setConfirming] = useState<string | undefined>();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const { error, run } = useAction();
  const shown = similar?.filter((s) => !dismissed.includes(s.person.id)) ?? [];
  if (shown.length === 0) return <ErrorLine error={error} />;
  return (
    <section aria-label="Possible duplicates" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-xs">
      {shown.map(({ person: other, reason, warning }) => (
        <div key={other.id} data-testid="look-alike" className="mb-1">
          <div>
            Looks like <bdi className="font-semibold">{other.name}</bdi>
            {other.company && ` (${other.company})`}: {reason}.
          </div>
          {warning && (
            <p role="note" data-testid="look-alike-warning" className="mt-1 font-semibold text-red-800">
              ⚠ {warning}. Check before merging: this may be someone imitating them.
            </p>
          )}
          {confirming === other.id ? (
            <div className="mt-1">
              Merge <bdi>{other.name}</bdi> into this person? Their notes, facts, tasks and addresses move here. You can undo it.{' '}
              <button
                type="button"
                autoFocus
                className="font-semibold text-blue-800 underline"
                onClick={() => void run(() => mergePeople(db, other.id, person.id))}
              >
                Merge
              </button>{' '}
              <button type="button" className="underline" onClick={() => setConfirming(undefined)}>
                Cancel
              </button>
            </div>
          ) : (
            <div className="mt-1 space-x-2">
              <button type="button" className="font-semibold text-blue-800 underline" onClick={() => setConfirming(other.id)}>
                Merge…
              </button>
              <button type="button" className="underline" onClick={() => setDismissed((d) => [...d, other.id])}>
                Not the same
              </button>
            </div>
          )}
        </div>
      ))}
      <ErrorLine error={error} />
    </section>
  );
}
