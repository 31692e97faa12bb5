import type { Correspondent } from '../parsers/schema';
import type { Person } from '../storage/schema';
import { Avatar } from './Avatar';
// Name, photo and work line come first; the lists and tidying actions load just after (later.tsx).
import { CompanyStrip, IdentityList, KeepInTouch, LostEditLine, MergeUndo, MergeWith, NeverShow } from './later-parts';
import { WorkLine } from './WorkLine';

/**
 * Name, work, place, addresses and photo: who this is, at a glance; and the tidying actions (add or
 * remove an address, merge, never show). `correspondent` is what the page shows, when the
 * person was found from a page rather than from search.
 */
export function PersonCard({ person, correspondent }: { person: Person; correspondent?: Correspondent }) {
  const name = person.name ?? correspondent?.name ?? correspondent?.email ?? '';
  return (
    <>
      <header className="flex items-start gap-3" data-testid="person">
        <Avatar name={name} url={person.avatarUrl ?? correspondent?.avatarUrl} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-base font-semibold" dir="auto" data-testid="person-name">
            {name}
          </div>
          <WorkLine
            headline={person.headline ?? correspondent?.headline}
            company={person.company ?? correspondent?.company}
            location={person.location ?? correspondent?.location}
          />
          <LostEditLine entity="people" record={person} />
          <IdentityList personId={person.id} />
          <KeepInTouch personId={person.id} />
        </div>
      </header>
      <div className="mt-1 flex flex-wrap gap-x-3">
        <MergeWith person={person} />
        {correspondent?.email && <NeverShow email={correspondent.email} />}
      </div>
      <MergeUndo personId={person.id} />
      <CompanyStrip person={person} />
    </>
  );
}
