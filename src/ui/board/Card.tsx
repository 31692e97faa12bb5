import { useDraggable } from '@dnd-kit/core';
import { useRef } from 'react';
import { isClosed, type StageView } from '../../opportunities/stages';
import { dayOf } from '../../storage/summaries/summary';
import { formatDay } from '../dates';
import { keysLabel, matches, shortcut } from '../shortcuts';
import type { CardDrag } from './announcements';
import { useFollowFocus } from './follow';
import type { BoardCard } from './load';
import { formatMoney } from '../../opportunities/money';
import { opportunityHref } from '../home/route';
import { plural } from '../../home/reasons';
import { t } from '../../i18n';

/** Another engineer's page; the board only links to it. */

/**
 * One deal: title (a link to its page), whom it is with, its value, its next step, and how long
 * it has gone without activity once that is past its stage's limit (Home's "at risk"). The card
 * itself is the drag handle and a keyboard stop: Space or Enter picks it up, [ and ] move it one
 * stage without a drag. `owner` says whose it is, on a board that has teammates' deals.
 */
export function Card({
  card,
  stage,
  owner,
  onStep,
}: {
  card: BoardCard;
  stage: StageView;
  owner: boolean;
  onStep: (card: BoardCard, step: -1 | 1) => void;
}) {
  const { opp, next } = card;
  const data: CardDrag = { title: opp.title, stageId: card.stageId };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: opp.id,
    data,
    attributes: { roleDescription: 'deal' },
  });
  const node = useRef<HTMLLIElement>(null);
  useFollowFocus(node, opp.id, card.stageId);

  return (
    <li
      ref={(el) => {
        node.current = el;
        setNodeRef(el);
        // The card, not the title link inside it: Enter on the link opens the deal rather than picking it up.
        setActivatorNodeRef(el);
      }}
      {...attributes}
      onPointerDown={listeners?.onPointerDown as React.PointerEventHandler | undefined}
      onKeyDown={(e) => {
        const step = matches(shortcut('board.left'), e.nativeEvent) ? -1 : matches(shortcut('board.right'), e.nativeEvent) ? 1 : 0;
        if (step && e.target === e.currentTarget && !isDragging) {
          e.preventDefault();
          onStep(card, step);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
      aria-keyshortcuts={['board.left', 'board.right'].map((id) => keysLabel(shortcut(id))).join(' ')}
      data-testid="board-card"
      data-card-id={opp.id}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={`relative cursor-grab rounded border border-slate-200 bg-white p-2 shadow-sm outline-none focus:ring-2 focus:ring-blue-600 ${isDragging ? 'z-10 shadow-lg' : ''}`}
    >
      <a href={opportunityHref(opp.id)} dir="auto" className="block font-medium hover:underline" data-testid="board-title">
        {opp.title}
      </a>
      {card.subject && (
        <div dir="auto" className="truncate text-xs text-slate-500">
          {card.subject}
        </div>
      )}
      {opp.value != null && (
        <div className="mt-1" data-testid="board-value">
          {formatMoney(opp.value, opp.currency)}
        </div>
      )}
      {next && (
        <div className="mt-1 text-xs" data-testid="board-next">
          {t('board.next')} <span dir="auto">{next.title}</span>
          {next.due != null && (
            <span className={next.due < dayOf(Date.now()) ? 'text-red-700' : 'text-slate-500'}>
              {' '}
              · {t('tasks.due', { when: formatDay(next.due) })}
            </span>
          )}
        </div>
      )}
      {card.idle !== undefined && stage.idleDays && (
        <div className="mt-1 text-xs text-amber-800" data-testid="board-idle">
          {t('board.idle', { idle: plural(card.idle, 'day'), limit: plural(stage.idleDays, 'day') })}
        </div>
      )}
      {isClosed(stage.outcome) && opp.reason && (
        <div dir="auto" className="mt-1 text-xs text-slate-600 italic" data-testid="board-reason">
          {opp.reason}
        </div>
      )}
      {owner && <div className="mt-1 text-[11px] text-slate-500">{card.mine ? t('board.you') : t('board.teammate')}</div>}
    </li>
  );
}
