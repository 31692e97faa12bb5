import { useLiveQuery } from 'dexie-react-hooks';
import { recentComplaints, relativeDay } from '../../capture/coming-up';
import { dayOf } from '../../storage/summaries/summary';
import { shorten } from '../../capture/quote';
import { db } from '../../storage/db';
import { timelineFor } from '../../storage/records/notes';
import { t } from '../../i18n';

const SHOWN_CHARS = 80;

/**
 * Complaints of the last three months, near the top (the late delivery not to be surprised by),
 * rather than left somewhere down the timeline. Life events are the brief's (Brief.tsx).
 */
export function RecentComplaints({ personId }: { personId: string }) {
  const now = new Date();
  const complaints = useLiveQuery(async () => recentComplaints(await timelineFor(db, personId), new Date()), [personId]);
  if (!complaints?.length) return null;
  return (
    <ul
      aria-label={t('capture.recentComplaints')}
      data-testid="recent-complaints"
      className="mt-2 rounded bg-red-50 px-2 py-1 text-xs text-red-900"
    >
      {complaints.map((note) => (
        <li key={note.id}>
          <span className="font-semibold">{t('capture.complained', { when: relativeDay(dayOf(note.occurredAt), now) })}</span>{' '}
          <bdi>{shorten(note.body, SHOWN_CHARS)}</bdi>
        </li>
      ))}
    </ul>
  );
}
