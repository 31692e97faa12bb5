import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { boardHref, useBoardRoute } from '../home/route';
import { moveOpportunity } from '../../opportunities/opportunities';
import { isClosed, type StageView } from '../../opportunities/stages';
import { db } from '../../storage/db';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { AddStage } from './AddStage';
import { BoardDnd } from './BoardDnd';
import { Card } from './Card';
import { Column } from './Column';
import { columnsOf, companiesOf, type BoardFilter } from './columns';
import { Filters } from './Filters';
import { FollowFocus, type Follow } from './follow';
import { loadBoard, type BoardCard } from './load';
import { ReasonDialog } from './ReasonDialog';
import { t } from '../../i18n';

/**
 * The pipeline: a column per stage with its deals, moved by drag or by keyboard. A move to Won or
 * Lost first asks why. Stages are edited here too; they are the team's, like the deals it shares.
 */
export function Board() {
  const data = useLiveQuery(() => loadBoard(db, Date.now()));
  const filter = useBoardRoute() ?? {};
  // Replaced, not pushed: Back leaves the board rather than stepping through each filter tried.
  const setFilter = (f: BoardFilter) => location.replace(boardHref(f));
  const [asking, setAsking] = useState<{ card: BoardCard; stage: StageView }>();
  const follow = useRef<Follow>(undefined);
  const board = useRef<HTMLDivElement>(null);
  const { error, run } = useAction();
  if (!data) return <div aria-busy="true" data-testid="board" className="p-6" />;

  const moveTo = async ({ opp }: BoardCard, stage: StageView, reason?: string) => {
    follow.current = { id: opp.id, stageId: stage.id };
    try {
      await moveOpportunity(db, opp.id, stage.id, reason);
    } catch (e) {
      follow.current = undefined;
      throw e;
    }
  };
  const move = (card: BoardCard, stage: StageView) => {
    if (stage.id === card.stageId) return;
    if (isClosed(stage.outcome)) setAsking({ card, stage });
    else void run(() => moveTo(card, stage));
  };
  const step = (card: BoardCard, by: -1 | 1) => {
    const to = data.stages[data.stages.findIndex((s) => s.id === card.stageId) + by];
    if (to) move(card, to);
  };
  const drop = (id: string, stageId: string) => {
    const card = data.cards.find((c) => c.opp.id === id);
    const stage = data.stages.find((s) => s.id === stageId);
    if (card && stage) move(card, stage);
  };
  const focusCard = (id: string) =>
    [...(board.current?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [])].find((el) => el.dataset.cardId === id)?.focus();

  const columns = columnsOf(data.stages, data.cards, filter);
  const teammates = data.cards.some((c) => !c.mine);
  return (
    <div ref={board} data-testid="board" aria-busy="false" className="p-6">
      <header className="flex flex-wrap items-center gap-4">
        <h1 className="text-lg font-semibold">
          <span className="text-blue-700">{t('manifest.name')}</span> · {t('home.pipeline')}
        </h1>
        <a href="#/" className="text-xs text-blue-700 hover:underline">
          {t('board.home')}
        </a>
        <Filters filter={filter} companies={companiesOf(data.cards)} teammates={teammates} onChange={setFilter} />
        <AddStage />
      </header>
      <p className="mt-1 text-xs text-slate-500">{t('board.hint')}</p>
      {!data.cards.length ? (
        <p className="mt-3 text-slate-600" data-testid="board-empty">
          {t('board.empty')}
        </p>
      ) : (
        !columns.some((c) => c.cards.length) && (
          <p className="mt-3 text-slate-600" data-testid="board-empty">
            {t('board.noMatch')}
          </p>
        )
      )}
      <ErrorLine error={error} />
      <FollowFocus value={follow}>
        <BoardDnd stages={data.stages} onDrop={drop}>
          <div className="mt-4 flex items-stretch gap-3 overflow-x-auto pb-4">
            {columns.map((column) => (
              <Column key={column.stage.id} column={column}>
                {column.cards.map((card) => (
                  <Card key={card.opp.id} card={card} stage={column.stage} owner={teammates} onStep={step} />
                ))}
              </Column>
            ))}
          </div>
        </BoardDnd>
      </FollowFocus>
      {asking && (
        <ReasonDialog
          title={asking.card.opp.title}
          outcome={asking.stage.outcome === 'won' ? 'won' : 'lost'}
          onSave={(reason) => moveTo(asking.card, asking.stage, reason).then(() => setAsking(undefined))}
          onCancel={() => {
            setAsking(undefined);
            focusCard(asking.card.opp.id);
          }}
        />
      )}
    </div>
  );
}
