import { useLiveQuery } from 'dexie-react-hooks';
import type { Correspondent, PageContext } from '../parsers/schema';
import { db } from '../storage/db';
import { findPersonForCorrespondent } from '../storage/identity';
import { ClipButton } from './ClipButton';
import { EmptyState } from './EmptyState';
import { LookAlikes } from './LookAlikes';
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
  const profile = context.view === 'profile';
  if (!found.person) {
    return (
      <>
        <EmptyState correspondent={correspondent} />
        {profile && <ClipButton correspondent={correspondent} context={context} />}
      </>
    );
  }
  const { id } = found.person;
  return (
    <>
      <PersonCard person={found.person} correspondent={correspondent} />
      {profile && (
        <>
          <ClipButton correspondent={correspondent} context={context} />
          <LookAlikes person={found.person} />
        </>
      )}
      <RememberList personId={id} />
      <TaskList personId={id} />
      <Timeline personId={id} />
    </>
  );
}
