import { useMemo, useRef } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { StageView } from '../../opportunities/stages';
import { announcementsFor, instructions, type CardDrag } from './announcements';
import { columnJump } from './column-jump';

/**
 * Drag and drop for the board: by pointer, or by keyboard (Space or Enter picks a card up, Left and
 * Right go to the neighbouring column, Space or Enter drops, Escape cancels), with every step said
 * aloud. `onDrop` gets a card dropped on another column; where it was is left to the database.
 */
export function BoardDnd({
  stages,
  onDrop,
  children,
}: {
  stages: readonly StageView[];
  onDrop: (cardId: string, stageId: string) => void;
  children: React.ReactNode;
}) {
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the title still opens the deal.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump }),
  );
  const current = useRef(stages);
  current.current = stages;
  const announcements = useMemo(() => announcementsFor(() => current.current), []);
  return (
    <DndContext
      sensors={sensors}
      // The board puts focus back itself: the card moves to another column only once the write is
      // done, and a drop on Won or Lost hands focus to the dialog asking why.
      accessibility={{ announcements, screenReaderInstructions: instructions(), restoreFocus: false }}
      onDragEnd={({ active, over }) => {
        if (over && over.id !== (active.data.current as CardDrag).stageId) onDrop(String(active.id), String(over.id));
      }}
    >
      {children}
    </DndContext>
  );
}
