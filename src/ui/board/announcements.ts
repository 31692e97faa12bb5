import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import { isClosed, type StageView } from '../../opportunities/stages';
import { t } from '../../i18n';

/** What a card tells the drag about itself, so every sentence can name the deal and where it was. */
export interface CardDrag {
  title: string;
  stageId: string;
}

/** What a screen reader says a card's keys do; a function, so it is read in the browser's language when the board renders. */
export const instructions = (): ScreenReaderInstructions => ({ draggable: t('boardDrag.instructions') });

/**
 * What a screen reader hears during a drag, in plain words: the deal by its title, stages by their
 * names. Made once per board (it remembers what it last said); `stages` gives the current ones.
 */
export function announcementsFor(stages: () => readonly StageView[]): Announcements {
  const stage = (id: string | number | undefined) => stages().find((s) => s.id === id);
  const card = (active: Active) => active.data.current as CardDrag;
  const from = (active: Active) => stage(card(active).stageId)?.name ?? t('boardDrag.itsStage');
  const dropped = (active: Active, over: Over | null) => {
    const to = stage(over?.id);
    const { title, stageId } = card(active);
    if (!to || to.id === stageId) return t('boardDrag.stays', { title, stage: from(active) });
    if (isClosed(to.outcome))
      return to.outcome === 'won'
        ? t('boardDrag.droppedWon', { title, stage: to.name })
        : t('boardDrag.droppedLost', { title, stage: to.name });
    return t('boardDrag.moved', { title, stage: to.name });
  };
  // Where the card was last said to be: the drag reports the column under it at once, which the
  // pick-up sentence has just said.
  let said: string | number | undefined;
  return {
    onDragStart: ({ active }) => {
      said = card(active).stageId;
      return t('boardDrag.pickedUp', { title: card(active).title, stage: from(active) });
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === said) return undefined;
      said = over?.id;
      const to = stage(over?.id);
      return to
        ? t('boardDrag.over', { title: card(active).title, stage: to.name })
        : t('boardDrag.notOver', { title: card(active).title });
    },
    onDragEnd: ({ active, over }) => dropped(active, over),
    onDragCancel: ({ active }) => t('boardDrag.cancelled', { title: card(active).title, stage: from(active) }),
  };
}
