import { useLiveQuery } from 'dexie-react-hooks';
import { brief, type BriefInput, type BriefLine } from '../capture/brief';
import { db } from '../storage/db';
import { lastNoteFor } from '../storage/records/notes';
import { openTasksFor } from '../storage/records/tasks';
import { formatNumber, t } from '../i18n';

/**
 * What the brief needs, in one read: the person's summary (kept by every write, so their life
 * events need no scan of their notes), their newest note, their open tasks, and the notes the
 * summary's events point at, for when each was written.
 */
function readBrief(personId: string): Promise<BriefInput> {
  return db.transaction('r', [db.summaries, db.notes, db.tasks], async () => {
    const [summary, last, tasks] = await Promise.all([db.summaries.get(personId), lastNoteFor(db, personId), openTasksFor(db, personId)]);
    const events = summary?.events ?? [];
    const notes = events.length ? await db.notes.bulkGet(events.map((e) => e.noteId)) : [];
    return { last, tasks, events: events.map((e, i) => ({ ...e, notedAt: notes[i]?.occurredAt })) };
  });
}

/**
 * Up to three lines worth knowing before talking to someone: the last interaction, the first open
 * promise, a life event near today (capture/brief.ts decides which). Nothing at all when there is
 * nothing to say, so a new contact's panel stays quiet.
 */
export function Brief({ personId }: { personId: string }) {
  const input = useLiveQuery(() => readBrief(personId), [personId]);
  const lines = input ? brief(input, new Date()) : [];
  if (!lines.length) return null;
  return (
    <ul aria-label={t('brief.title')} data-testid="brief" className="mt-2 space-y-0.5 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
      {lines.map((line) => (
        <li key={line.kind} data-kind={line.kind}>
          <Line line={line} />
        </li>
      ))}
    </ul>
  );
}

/** The user's own words are isolated (`bdi`): a right-to-left note must not reorder Clyde's words around it. */
function Line({ line }: { line: BriefLine }) {
  switch (line.kind) {
    case 'last':
      return (
        <>
          <span className="font-semibold">{t('brief.last')}</span> {line.what} {line.when}
          {line.words && (
            <>
              {t('brief.quoteOpen')}
              <bdi>{line.words}</bdi>
              {t('brief.quoteClose')}
            </>
          )}
        </>
      );
    case 'promise':
      return (
        <>
          <span className="font-semibold">{t('brief.promised')}</span> <bdi>{line.words}</bdi>
          {line.when && (
            <>
              {' — '}
              <span className={line.overdue ? 'font-semibold text-red-700' : undefined}>{line.when}</span>
            </>
          )}
          {line.more > 0 && ` ${t('brief.more', line.more, [formatNumber(line.more)])}`}
        </>
      );
    case 'personal':
      return (
        <>
          <span className="font-semibold">{t('brief.personal')}</span> <bdi>{line.words}</bdi> — {line.when}
        </>
      );
  }
}
