import { useEffect, useState } from 'react';
import { PanelTabContext, type PanelPlace } from './panel-tab';
import { HomeLink } from './home/HomeLink';
import { showFirstLook } from './later';
import { HelpButton, ParserHealth, ReadThisPage, SyncStatus } from './later-parts';
import { PersonView } from './PersonView';
import { openSettings } from './sync/sendSyncNow';
import { ShareViewerContext, useShareViewer } from './sync/share-viewer';
import { displayName } from '../parsers/schema';
import { keyOf } from '../capture/person-shown';
import { usePageView } from './usePageView';
import { useSharedPick } from './useSharedPick';
import { useTabView } from './useTabContext';
import { useTabTheme } from './theme/follow-tab';
import { Finder } from './search/Finder';
import { t } from '../i18n';

/** Who is on screen, and everything Clyde remembers about them. */
export function App({ place }: { place: PanelPlace }) {
  const { context: page, tabId } = useTabView(place);
  // A pick survives only while that person is still on the page.
  const [picked, setPicked] = useState<string | undefined>();
  const view = usePageView(page, picked);
  useSharedPick(tabId, picked);
  useTabTheme(place, tabId);
  // The page is read (its person, or no one): the rest of the panel's code may load now.
  useEffect(() => void (view !== undefined && showFirstLook()), [view]);

  if (view === undefined) return <Shell>{null}</Shell>;
  const context = view?.context;
  const current = view?.current;
  if (!context || !current) {
    return (
      <Shell pageKey={context?.url}>
        {context?.unread ? (
          <ParserHealth context={context} tabId={tabId} />
        ) : (
          <p className="mt-16 text-center text-sm text-slate-500" data-testid="no-one">
            {t('app.noOne')}
          </p>
        )}
        {!context && place === 'side-panel' && <ReadThisPage tabId={tabId} />}
      </Shell>
    );
  }
  const { people } = view;

  return (
    <Shell pageKey={context.url}>
      {people.length > 1 && (
        <nav aria-label={t('app.people')} className="mb-3 flex flex-wrap gap-1">
          {people.map((p) => (
            <button
              key={keyOf(p)}
              type="button"
              aria-pressed={p === current}
              onClick={() => setPicked(keyOf(p))}
              className="max-w-40 truncate rounded-full border border-slate-300 px-2 py-0.5 text-xs aria-pressed:border-blue-600 aria-pressed:bg-blue-50"
            >
              {displayName(p)}
            </button>
          ))}
        </nav>
      )}
      {context.unread && <ParserHealth context={context} tabId={tabId} />}
      <PanelTabContext value={tabId}>
        <PersonView key={keyOf(current)} correspondent={current} person={view.person} context={context} />
      </PanelTabContext>
    </Shell>
  );
}

function Shell({ children, pageKey }: { children: React.ReactNode; pageKey?: string }) {
  const viewer = useShareViewer();
  return (
    // Right padding keeps the injected host's collapse button clear of the panel's own controls.
    <main className="relative min-h-screen p-3 pr-12 text-sm">
      <header className="mb-3 flex items-center justify-between">
        <h1 className="text-xs font-semibold tracking-wide text-blue-700 uppercase">{t('manifest.name')}</h1>
        <span className="flex items-center gap-2">
          <HomeLink />
          <HelpButton />
        </span>
      </header>
      <div className="mb-3 empty:hidden">
        <SyncStatus onReview={openSettings} />
      </div>
      <ShareViewerContext value={viewer}>
        <Finder pageKey={pageKey}>{children}</Finder>
      </ShareViewerContext>
    </main>
  );
}
