import type { Person } from '../../storage/schema';
import { Avatar } from '../Avatar';
import { personHref } from './route';

/** Who an item on Home is about: photo or initial, name (a link to their page) and company. */
export function PersonLine({ person, children }: { person: Person; children?: React.ReactNode }) {
  const name = person.name || 'Unnamed';
  const work = person.company ?? person.headline;
  return (
    <div className="flex items-start gap-3">
      <Avatar name={name} url={person.avatarUrl} />
      <div className="min-w-0 flex-1">
        <div className="truncate" dir="auto">
          <a href={personHref({ personId: person.id })} tabIndex={-1} className="font-semibold hover:underline" data-testid="home-person">
            {name}
          </a>
          {work && <span className="text-slate-500"> · {work}</span>}
        </div>
        {children}
      </div>
    </div>
  );
}
