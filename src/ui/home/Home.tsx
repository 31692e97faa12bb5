import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { keysLabel, shortcut, useShortcut } from '../shortcuts';
import { ShareViewerContext, useShareViewer } from '../sync/share-viewer';
import { AtRiskSection } from './AtRiskSection';
import { BestSection } from './BestSection';
import { ComingUpSection } from './ComingUpSection';
import { homeNow } from './clock';
import { HomeHelp } from './HomeHelp';
import { ReachOutSection } from './ReachOutSection';
import { SummariesBehind } from './SummariesBehind';
import { BOARD_HREF, personHref, useBoardRoute, usePersonRoute, useRecordRoute, type PersonTarget } from './route';
import { TeamSection } from './TeamSection';
import { TodaySection } from './TodaySection';
import { useListKeys } from './useListKeys';
import { t } from '../../i18n';

// The person page is the panel's whole person view (capture, dates, timeline): loaded when a person
// is first opened, so opening Home does not parse it.
const PersonPage = lazy(() => import('./PersonPage').then((m) => ({ default: m.PersonPage })));
const CompanyPage = lazy(() => import('../company/CompanyPage').then((m) => ({ default: m.CompanyPage })));
const OpportunityPage = lazy(() => import('../company/OpportunityPage').then((m) => ({ default: m.OpportunityPage })));
const Board = lazy(() => import('../board/Board').then((m) => ({ default: m.Board })));

/**
 * Clyde's page across people: who needs the user today, who to reach out to, who is at risk and
 * why, the best customers and why, what is coming up, and what the team shared. Keyboard first
 * (j/k, Enter, x, r, s, ?). The list stays mounted under a person's page, so coming back finds
 * it as it was, focus included.
 */
export function Home() {
  const person = usePersonRoute();
  const record = useRecordRoute();
  const target = person ?? record;
  const board = useBoardRoute();
  const list = useRef<HTMLDivElement>(null);
  const [help, setHelp] = useState(false);
  const viewer = useShareViewer();
  // Whether the list was on screen in this page before the person was (by Enter, a link or a reload
  // of the list), so going back is the browser's Back; a person opened straight from a bookmark has no list to go back to.
  const listSeen = useRef(!target);
  useEffect(() => {
    if (!target) listSeen.current = true;
  }, [target]);
  useListKeys(list, !target && !board && !help);
  useShortcut('home.help', () => setHelp((h) => !h));

  const open = useCallback((to: PersonTarget) => {
    location.hash = personHref(to);
  }, []);
  const back = useCallback(() => {
    if (listSeen.current) history.back();
    else location.hash = '#/';
  }, []);

  return (
    <ShareViewerContext value={viewer}>
      <div ref={list} hidden={!!target || !!board} className="mx-auto max-w-3xl p-6">
        <header className="flex items-center justify-between">
          <h1 className="text-lg font-semibold">
            <span className="text-blue-700">{t('manifest.name')}</span> · {t('home.title')}
          </h1>
          <div className="flex items-center gap-3 text-xs text-slate-500">
            <a href={BOARD_HREF} className="text-blue-700 hover:underline">
              {t('home.pipeline')}
            </a>
            <span>{homeNow().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}</span>
            <button
              type="button"
              aria-expanded={help}
              aria-label={t('shortcuts.title')}
              aria-keyshortcuts={keysLabel(shortcut('home.help'))}
              onClick={() => setHelp((h) => !h)}
              className="h-5 w-5 rounded-full border border-slate-300 leading-none hover:border-blue-600 hover:text-blue-700"
            >
              ?
            </button>
          </div>
        </header>
        <p className="mt-1 text-xs text-slate-500">{t('home.keysHint')}</p>
        <SummariesBehind />
        <TodaySection open={open} />
        <ReachOutSection open={open} />
        <AtRiskSection open={open} />
        <BestSection open={open} />
        <ComingUpSection open={open} />
        <TeamSection open={open} />
      </div>
      {target && (
        <Suspense fallback={null}>
          {person && <PersonPage key={person.personId} target={person} onBack={back} />}
          {record?.kind === 'company' && <CompanyPage key={record.id} id={record.id} onBack={back} />}
          {record?.kind === 'opportunity' && <OpportunityPage key={record.id} id={record.id} onBack={back} />}
        </Suspense>
      )}
      {board && (
        <Suspense fallback={null}>
          <Board />
        </Suspense>
      )}
      {help && <HomeHelp onClose={() => setHelp(false)} />}
    </ShareViewerContext>
  );
}
