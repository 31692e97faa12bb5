import { useLiveQuery } from 'dexie-react-hooks';
import { useContext } from 'react';
import { db } from '../storage/db';
import { addPreference, deletePreference, rememberFor, splitFact, updatePreference } from '../storage/records/preferences';
import { AddField } from './AddField';
import { EditableText } from './EditableText';
import { ErrorLine } from './ErrorLine';
import { Section } from './Section';
import { deleteRefusal } from './sync/delete-refusal';
import { LostEditLine } from './sync/LostEditLine';
import { ShareToggle } from './sync/ShareToggle';
import { ShareViewerContext } from './sync/share-viewer';
import { useAction } from './useAction';
import { t } from '../i18n';

/** What to remember about the person: preferences and facts, pinned first. */
export function RememberList({ personId }: { personId: string }) {
  const facts = useLiveQuery(() => rememberFor(db, personId), [personId]);
  const who = useContext(ShareViewerContext);
  // Pinning is a write like any other: a failure is shown, not swallowed.
  const { error, run } = useAction();
  return (
    <Section title={t('remember.title')}>
      <ul className="mt-1 space-y-1">
        {facts?.map((f) => (
          <li key={f.id} data-testid="fact">
            <EditableText
              text={f.key ? `${f.key}: ${f.value}` : f.value}
              label={t('remember.fact')}
              onSave={(text) => updatePreference(db, f.id, splitFact(text))}
              onDelete={() => deletePreference(db, f.id)}
              deleteRefusal={deleteRefusal(who, 'preferences', f)}
            >
              <button
                type="button"
                aria-pressed={f.pinned}
                aria-label={f.pinned ? t('remember.unpin') : t('remember.pin')}
                onClick={() => void run(() => updatePreference(db, f.id, { pinned: !f.pinned }))}
                className="min-h-6 min-w-6 text-xs text-slate-400 aria-pressed:text-amber-600"
              >
                {f.pinned ? '★' : '☆'}
              </button>
              <ShareToggle entity="preferences" record={f} />
            </EditableText>
            <LostEditLine entity="preferences" record={f} />
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <AddField label={t('remember.add')} placeholder={t('remember.addPlaceholder')} onAdd={(text) => addPreference(db, personId, text)} />
    </Section>
  );
}
