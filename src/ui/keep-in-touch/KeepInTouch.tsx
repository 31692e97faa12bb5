import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { RhythmPicker } from './RhythmPicker';
import { StarButton } from './StarButton';

/** The star and the keep-in-touch rhythm, on one line under a person's name (panel and Home). */
export function KeepInTouch({ personId }: { personId: string }) {
  const summary = useLiveQuery(() => db.summaries.get(personId), [personId]);
  if (!summary) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="keep-in-touch">
      <StarButton personId={personId} starred={summary.starred} />
      <RhythmPicker summary={summary} />
    </div>
  );
}
