import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import { isClosed, type StageView } from '../../opportunities/stages';

/** What a card tells the drag about itself, so every sentence can name the deal and where it was. */
export interface CardDrag {
  title: string;
  stageId: string;
}

export const instructions: ScreenReaderInstructions = {
  draggable:
    'To move this deal, press Space or Enter, then Left or Right to go to another stage, and Space or Enter to drop it there. ' +
    'Escape puts it back. Without picking it up, [ and ] move it one stage left or right.',
};

/**
 * What a screen reader hears during a drag, in plain words: the deal by its title, stages by their
 * names. Made once per board (it remembers what it last said); `stages` gives the current ones.
 */
export function announcementsFor(stages: () => readonly StageView[]): Announcements {
  const stage = (id: string | number | undefined) => stages().find((s) => s.id === id);
  const card = (active: Active) => active.data.current as CardDrag;
  const from = (active: Active) => stage(card(active).stageId)?.name ?? 'its stage';
  const dropped = (active: Active, over: Over | null) => {
    const to = stage(over?.id);
    const { title, stageId } = card(active);
    if (!to || to.id === stageId) return `${title} stays in ${from(active)}.`;
    if (isClosed(to.outcome)) return `Dropped ${title} on ${to.name}. Say why it was ${to.outcome}.`;
    return `Moved ${title} to ${to.name}.`;
  };
  // Where the card was last said to be: the drag reports the column under it at once, which the
  // pick-up sentence has just said.
  let said: string | number | undefined;
  return {
    onDragStart: ({ active }) => {
      said = card(active).stageId;
      return `Picked up ${card(active).title}. In ${from(active)}.`;
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === said) return undefined;
      said = over?.id;
      const to = stage(over?.id);
      return to ? `${card(active).title} is over ${to.name}.` : `${card(active).title} is not over a stage.`;
    },
    onDragEnd: ({ active, over }) => dropped(active, over),
    onDragCancel: ({ active }) => `Cancelled. ${card(active).title} stays in ${from(active)}.`,
  };
}
