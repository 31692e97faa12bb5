import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../storage/db';
import { addNote, deleteNote, timelineFor, updateNote } from '../storage/notes';
import { AddField } from './AddField';
import { EditableText } from './EditableText';
import { Section } from './Section';
import { ShareToggle } from './sync/ShareToggle';
import { formatDayTime } from './dates';

/** Interactions and notes, newest first. */
export function Timeline({ personId }: { personId: string }) {
  const notes = useLiveQuery(() => timelineFor(db, personId), [personId]);
  return (
    <Section title="Timeline">
      <AddField label="Add a note" placeholder="What happened? Enter saves." multiline onAdd={(body) => addNote(db, personId, { body })} />
      <ol className="mt-2 space-y-2">
        {notes?.map((n) => (
          <li key={n.id} data-testid="note" className="border-l-2 border-slate-200 pl-2">
            <div className="text-xs text-slate-500">
              {formatDayTime(n.occurredAt)}
              {n.kind !== 'note' && ` · ${n.kind}`}
              {n.tag && ` · ${n.tag}`}
            </div>
            <EditableText text={n.body} label="note" onSave={(body) => updateNote(db, n.id, { body })} onDelete={() => deleteNote(db, n.id)}>
              <ShareToggle entity="notes" record={n} />
            </EditableText>
          </li>
        ))}
      </ol>
    </Section>
  );
}
