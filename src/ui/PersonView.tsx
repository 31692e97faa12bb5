import { useLiveQuery } from 'dexie-react-hooks';
import type { Correspondent } from '../parsers/schema';
import { db } from '../storage/db';
import { findPersonForCorrespondent } from '../storage/identity';
import { EmptyState } from './EmptyState';
import { PersonCard } from './PersonCard';
import { RememberList } from './RememberList';
import { TaskList } from './TaskList';
import { Timeline } from './Timeline';

export function PersonView({ correspondent }: { correspondent: Correspondent }) {
  // Wrapped so "loading" (undefined) differs from "not met yet" ({person: undefined}).
  const found = useLiveQuery(
    async () => ({ person: await findPersonForCorrespondent(db, correspondent) }),
    [correspondent.email, correspondent.handle, correspondent.profileUrl],
  );
  if (!found) return null;
  if (!found.person) return <EmptyState correspondent={correspondent} />;
  const { id } = found.person;
  return (
    <>
      <PersonCard person={found.person} correspondent={correspondent} />
      <RememberList personId={id} />
      <TaskList personId={id} />
      <Timeline personId={id} />
    </>
  );
}
