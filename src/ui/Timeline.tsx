import { useLiveQuery } from 'dexie-react-hooks';
import { useContext } from 'react';
import { httpsOnly } from '../capture/quote';
import { db } from '../storage/db';
import { deleteNote, timelineFor, updateNote } from '../storage/records/notes';
import type { Note } from '../storage/schema';
import { CaptureBox } from './capture/CaptureBox';
import { EditableText } from './EditableText';
import { Section } from './Section';
import { deleteRefusal } from './sync/delete-refusal';
import { LostEditLine } from './sync/LostEditLine';
import { ShareToggle } from './sync/ShareToggle';
import { ShareViewerContext } from './sync/share-viewer';
import { formatDay, formatDayTime } from './dates';
import { noteKindName, tagName } from '../names';
import { t } from '../i18n';

/** Interactions and notes, newest first, under the one box that adds to them. */
export function Timeline({ personId }: { personId: string }) {
  const notes = useLiveQuery(() => timelineFor(db, personId), [personId]);
  const who = useContext(ShareViewerContext);
  return (
    <Section title={t('timeline.title')}>
      <CaptureBox personId={personId} />
      <ol className="mt-2 space-y-2">
        {notes?.map((n) => (
          <li
            key={n.id}
            data-testid="note"
            data-note-id={n.id}
            data-kind={n.kind}
            className={`border-l-2 pl-2 ${n.kind === 'quote' ? 'border-blue-300 italic' : 'border-slate-200'}`}
          >
            <NoteMeta note={n} />
            <EditableText
              text={n.body}
              label={t('timeline.note')}
              onSave={(body) => updateNote(db, n.id, { body })}
              onDelete={() => deleteNote(db, n.id)}
              deleteRefusal={deleteRefusal(who, 'notes', n)}
            >
              <ShareToggle entity="notes" record={n} />
            </EditableText>
            <LostEditLine entity="notes" record={n} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

function NoteMeta({ note: n }: { note: Note }) {
  // Stored links came from pages; only https ones become links.
  const source = httpsOnly(n.sourceUrl);
  return (
    <div className="text-xs text-slate-500 not-italic">
      {formatDayTime(n.occurredAt)}
      {n.kind !== 'note' && ` · ${noteKindName(n.kind)}`}
      {n.tag && ` · ${tagName(n.tag)}`}
      {n.eventAt !== undefined && ` ${t('timeline.on', { day: formatDay(n.eventAt) })}`}
      {source && (
        <>
          {' · '}
          <a href={source} target="_blank" rel="noopener noreferrer" data-testid="note-source" className="text-blue-700 underline">
            {n.kind === 'email' ? t('timeline.openThread') : t('timeline.source')}
          </a>
        </>
      )}
    </div>
  );
}
