import { useLiveQuery } from 'dexie-react-hooks';
import { comingUp, dayOf, recentComplaints, relativeDay } from '../../capture/coming-up';
import { shorten } from '../../capture/quote';
import { db } from '../../storage/db';
import { timelineFor } from '../../storage/records/notes';

const SHOWN_CHARS = 80;

/**
 * What to have in mind before talking to them, at the top: life events a week either side of
 * today (the trip to ask about, the exam to wish luck for, the birthday) and complaints of the last
 * three months (the late delivery not to be surprised by).
 */
export function ComingUp({ personId }: { personId: string }) {
  const now = new Date();
  const worth = useLiveQuery(async () => {
    const notes = await timelineFor(db, personId);
    const today = new Date();
    return { events: comingUp(notes, today), complaints: recentComplaints(notes, today) };
  }, [personId]);
  return (
    <>
      {worth?.events.length ? (
        <ul aria-label="Coming up" data-testid="coming-up" className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          {worth.events.map(({ note, day }) => (
            <li key={note.id}>
              <span className="font-semibold">{relativeDay(day, now)}:</span> <bdi>{shorten(note.body, SHOWN_CHARS)}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      {worth?.complaints.length ? (
        <ul
          aria-label="Recent complaints"
          data-testid="recent-complaints"
          className="mt-2 rounded bg-red-50 px-2 py-1 text-xs text-red-900"
        >
          {worth.complaints.map((note) => (
            <li key={note.id}>
              <span className="font-semibold">Complained {relativeDay(dayOf(note.occurredAt), now)}:</span>{' '}
              <bdi>{shorten(note.body, SHOWN_CHARS)}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
