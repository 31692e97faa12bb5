import { memo, useDeferredValue } from 'react';
import type { Correspondent, PageContext } from '../parsers/schema';
import type { Person } from '../storage/schema';
import { EmptyState } from './EmptyState';
import {
  Brief,
  ClipButton,
  LinkToPerson,
  LogEmail,
  LookAlikes,
  NeverShow,
  RecentComplaints,
  RememberList,
  TaskList,
  Timeline,
} from './later-parts';
import { PersonCard } from './PersonCard';

/**
 * One correspondent of the page: who they are, and (for someone Clyde knows) what it remembers.
 * Memoized: while the panel reads the next page, the app re-renders with the same view, and this
 * whole tree need not.
 */
export const PersonView = memo(function PersonView({
  correspondent,
  person,
  context,
}: {
  correspondent: Correspondent;
  person: Person | undefined;
  context: PageContext;
}) {
  // Who it is shows in the first commit; the sections below follow in a second render React
  // does right after it, so the name is on screen without waiting for them (the panel bench).
  const full = useDeferredValue(true, false);
  // Writing to someone, what to have in mind comes before anything else; reading, after who it is.
  const composing = context.view === 'compose';
  // One tree for both cases, so the clip button (and the result it announces) survives the
  // moment its own click turns an unknown correspondent into a person.
  return (
    <>
      {full && person && composing && <Brief personId={person.id} />}
      {person ? <PersonCard person={person} correspondent={correspondent} /> : <EmptyState correspondent={correspondent} />}
      {full && (
        <>
          {!person && (
            <div className="mt-2 flex flex-wrap gap-x-3">
              <LinkToPerson correspondent={correspondent} />
              {correspondent.email && <NeverShow email={correspondent.email} />}
            </div>
          )}
          {person && !composing && <Brief personId={person.id} />}
          {person && <RecentComplaints personId={person.id} />}
          {context.view === 'profile' && <ClipButton correspondent={correspondent} context={context} />}
          {context.view === 'thread' && <LogEmail correspondent={correspondent} personId={person?.id} context={context} />}
          {person && (
            <>
              <LookAlikes person={person} />
              <RememberList personId={person.id} />
              <TaskList personId={person.id} />
              <Timeline personId={person.id} />
            </>
          )}
        </>
      )}
    </>
  );
});
