import { useState } from 'react';
import type { Correspondent } from '../parsers/schema';
import { PanelPlaceContext } from './capture/panel-tab';
import { HelpButton } from './help/HelpButton';
import { PersonView } from './PersonView';
import { openSettings } from './sync/sendSyncNow';
import { SyncStatus } from './sync/SyncStatus';
import type { PanelPlace } from './panelTab';
import { ParserHealth } from './ParserHealth';
import { ReadThisPage } from './ReadThisPage';
import { useTabView } from './useTabContext';
import { useVisiblePeople } from './never-log/useVisiblePeople';
import { Finder } from './search/Finder';

/** Who is on screen, and everything Clyde remembers about them. */
export function App({ place }: { place: PanelPlace }) {
  const { context, tabId } = useTabView(place);
  // Never-logged correspondents are left out before anything is shown or can be created.
  const people = useVisiblePeople(context);
  const [picked, setPicked] = useState<string | undefined>();

  if (context === undefined || people === undefined) return <Shell>{null}</Shell>;
  if (!context || people.length === 0) {
    return (
      <Shell pageKey={context?.url}>
        {context?.unread ? (
          <ParserHealth context={context} tabId={tabId} />
        ) : (
          <p className="mt-16 text-center text-sm text-slate-500" data-testid="no-one">
            No one here. Open an email or a LinkedIn or X profile and Clyde shows who it is.
          </p>
        )}
        {!context && place === 'side-panel' && <ReadThisPage tabId={tabId} />}
      </Shell>
    );
  }
  // Most relevant first; a pick survives only while that person is still on the page.
  const current = people.find((p) => keyOf(p) === picked) ?? people[0]!;

  return (
    <Shell pageKey={context.url}>
      {people.length > 1 && (
        <nav aria-label="People in this conversation" className="mb-3 flex flex-wrap gap-1">
          {people.map((p) => (
            <button
              key={keyOf(p)}
              type="button"
              aria-pressed={p === current}
              onClick={() => setPicked(keyOf(p))}
              className="max-w-40 truncate rounded-full border border-slate-300 px-2 py-0.5 text-xs aria-pressed:border-blue-600 aria-pressed:bg-blue-50"
            >
              {p.name ?? p.email ?? p.handle}
            </button>
          ))}
        </nav>
      )}
      {context.unread && <ParserHealth context={context} tabId={tabId} />}
      <PanelPlaceContext value={place}>
        <PersonView key={keyOf(current)} correspondent={current} context={context} />
      </PanelPlaceContext>
    </Shell>
  );
}

const keyOf = (c: Correspondent) => c.email ?? c.handle ?? c.profileUrl ?? '';

function Shell({ children, pageKey }: { children: React.ReactNode; pageKey?: string }) {
  return (
    // Right padding keeps the injected host's collapse button clear of the panel's own controls.
    <main className="relative min-h-screen p-3 pr-12 text-sm">
      <header className="mb-3 flex items-center justify-between">
        <h1 className="text-xs font-semibold tracking-wide text-blue-700 uppercase">Clyde</h1>
        <HelpButton />
      </header>
      <div className="mb-3 empty:hidden">
        <SyncStatus onReview={openSettings} />
      </div>
      <Finder pageKey={pageKey}>{children}</Finder>
    </main>
  );
}
