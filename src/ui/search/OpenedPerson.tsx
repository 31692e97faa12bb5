import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { db } from '../../storage/db';
import { LookAlikes } from '../LookAlikes';
import { PersonCard } from '../PersonCard';
import { RememberList } from '../RememberList';
import { TaskList } from '../TaskList';
import { Timeline } from '../Timeline';
import { t } from '../../i18n';

/**
 * A person opened from search, whether or not they are on the page. A person merged into
 * someone else is followed to whoever they became, so an old result never shows an empty shell.
 */
export function OpenedPerson({ personId, onBack, onOpen }: { personId: string; onBack: () => void; onOpen: (id: string) => void }) {
  const person = useLiveQuery(async () => ({ row: await db.people.get(personId) }), [personId]);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), [personId]);
  const row = person?.row;
  useEffect(() => {
    if (row?.deleted && row.mergedInto) onOpen(row.mergedInto);
  }, [row, onOpen]);

  return (
    <div data-testid="opened-person">
      <button
        ref={back}
        type="button"
        onClick={onBack}
        className="mb-3 text-xs text-blue-800 underline focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {t('search.back')}
      </button>
      {person && (!row || row.deleted) && !row?.mergedInto && <p className="text-slate-500">{t('search.deleted')}</p>}
      {row && !row.deleted && (
        <>
          <PersonCard person={row} />
          <LookAlikes person={row} />
          <RememberList personId={row.id} />
          <TaskList personId={row.id} />
          <Timeline personId={row.id} />
        </>
      )}
    </div>
  );
}
