import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { db } from '../../storage/db';
import { Brief } from '../Brief';
import { RecentComplaints } from '../capture/RecentComplaints';
import { PersonCard } from '../PersonCard';
import { RememberList } from '../RememberList';
import { TaskList } from '../TaskList';
import { Timeline } from '../Timeline';
import { BackLink } from './BackLink';
import { Gone } from './Gone';
import { personHref, type PersonTarget } from './route';
import { useEvidence } from './useEvidence';
import { t } from '../../i18n';

/**
 * One person, full width, from the panel's own parts: who they are with the star and rhythm,
 * what to remember, tasks, and the timeline with the box that adds to it. Escape or "Back" returns
 * to the list, to the item that opened it.
 */
export function PersonPage({ target, onBack }: { target: PersonTarget; onBack: () => void }) {
  const person = useLiveQuery(async () => (await db.people.get(target.personId)) ?? null, [target.personId]);
  const page = useRef<HTMLElement>(null);
  useEvidence(page, target, !!person && !person.deleted);
  const back = <BackLink onBack={onBack} />;
  if (person === undefined) return null;
  if (!person || person.deleted) {
    return (
      <Gone onBack={onBack}>
        {person?.mergedInto ? (
          <>
            {t('home.mergedInto.before')}
            <a href={personHref({ personId: person.mergedInto })}>{t('home.mergedInto.link')}</a>
            {t('home.mergedInto.after')}
          </>
        ) : (
          t('home.gone')
        )}
      </Gone>
    );
  }
  return (
    <article
      ref={page}
      tabIndex={-1}
      aria-label={person.name || t('home.person')}
      data-testid="home-person-page"
      className="mx-auto max-w-5xl p-6 outline-none [&_[data-evidence]]:rounded [&_[data-evidence]]:ring-2 [&_[data-evidence]]:ring-amber-400"
    >
      {back}
      <div className="mt-3 grid gap-8 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div>
          <PersonCard person={person} />
          <Brief personId={person.id} />
          <RecentComplaints personId={person.id} />
          <RememberList personId={person.id} />
          <TaskList personId={person.id} />
        </div>
        <div>
          <Timeline personId={person.id} />
        </div>
      </div>
    </article>
  );
}
