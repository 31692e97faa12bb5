import { useLiveQuery } from 'dexie-react-hooks';
import type { Correspondent } from '../parsers/schema';
import { db } from '../storage/db';
import { identitiesFor } from '../storage/identity';
import type { Person } from '../storage/schema';
import { Avatar } from './Avatar';

/** Name, addresses, company and photo: who this is, at a glance. */
export function PersonCard({ person, correspondent }: { person: Person; correspondent: Correspondent }) {
  const identities = useLiveQuery(() => identitiesFor(db, person.id), [person.id]);
  const name = person.name ?? correspondent.name ?? correspondent.email ?? '';
  return (
    <header className="flex items-center gap-3" data-testid="person">
      <Avatar name={name} url={person.avatarUrl ?? correspondent.avatarUrl} />
      <div className="min-w-0">
        <div className="truncate text-base font-semibold" dir="auto" data-testid="person-name">
          {name}
        </div>
        {(person.company ?? correspondent.company) && <div className="truncate text-slate-600">{person.company ?? correspondent.company}</div>}
        <ul className="text-xs text-slate-500">
          {identities?.map((i) => (
            <li key={i.id} className="truncate" data-testid="identity">
              {i.display}
            </li>
          ))}
        </ul>
      </div>
    </header>
  );
}
