import { useLiveQuery } from 'dexie-react-hooks';
import type { Correspondent, PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { findPersonForCorrespondent } from '../storage/identity';
import { ComingUp } from './capture/ComingUp';
import { LogEmail } from './capture/LogEmail';
import { ClipButton } from './ClipButton';
import { EmptyState } from './EmptyState';
import { LookAlikes } from './LookAlikes';
import { NeverShow } from './never-log/NeverShow';
import { LinkToPerson } from './search/LinkToPerson';
import { PersonCard } from './PersonCard';
import { RememberList } from './RememberList';
import { TaskList } from './TaskList';
import { Timeline } from './Timeline';

export function PersonView({ correspondent, context }: { correspondent: Correspondent; context: PageContext }) {
  // Wrapped so "loading" (undefined) differs from "not met yet" ({person: undefined}).
  const found = useLiveQuery(
    async () => ({ person: await findPersonForCorrespondent(db, correspondent) }),
    [correspondent.email, correspondent.handle, correspondent.profileUrl],
  );
  if (!found) return null;
  const { person } = found;
  // One tree for both cases, so the clip button (and the result it announces) survives the
  // moment its own click turns an unknown correspondent into a person.
  return (
    <>
      {person ? <PersonCard person={person} correspondent={correspondent} /> : <EmptyState correspondent={correspondent} />}
      {!person && (
        <div className="mt-2 flex flex-wrap gap-x-3">
          <LinkToPerson correspondent={correspondent} />
          {correspondent.email && <NeverShow email={correspondent.email} />}
        </div>
      )}
      {person && <ComingUp personId={person.id} />}
      {context.view === 'profile' && <ClipButton correspondent={correspondent} context={context} />}
      {context.view === 'thread' && <LogEmail correspondent={correspondent} context={context} />}
      {person && (
        <>
          <LookAlikes person={person} />
          <RememberList personId={person.id} />
          <TaskList personId={person.id} />
          <Timeline personId={person.id} />
        </>
      )}
    </>
  );
}
