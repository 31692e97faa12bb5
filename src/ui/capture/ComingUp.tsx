import { useLiveQuery } from 'dexie-react-hooks';
import { comingUp, relativeDay } from '../../capture/coming-up';
import { db } from '../../storage/db';
import { timelineFor } from '../../storage/notes';

const SHOWN_CHARS = 80;

/** Life events a week either side of today, at the top: the trip to ask about, the exam to wish luck for, the birthday. */
export function ComingUp({ personId }: { personId: string }) {
  const now = new Date();
  const events = useLiveQuery(async () => comingUp(await timelineFor(db, personId), new Date()), [personId]);
  if (!events?.length) return null;
  return (
    <ul aria-label="Coming up" data-testid="coming-up" className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
      {events.map(({ note, day }) => (
        <li key={note.id}>
          <span className="font-semibold">{relativeDay(day, now)}:</span>{' '}
          <bdi>{note.body.length > SHOWN_CHARS ? `${note.body.slice(0, SHOWN_CHARS - 1)}…` : note.body}</bdi>
        </li>
      ))}
    </ul>
  );
}
