import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Left and Right move a picked-up deal to the neighbouring column, one key press per stage, rather
 * than by a number of pixels that may or may not cross into the next column. Columns are found by
 * where they are on screen, so Left is the column on the left in any layout. Up and Down do nothing:
 * a stage keeps no order of its own.
 */
export const columnJump: KeyboardCoordinateGetter = (event, { context: { over, droppableRects, collisionRect } }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (!step || !collisionRect) return undefined;
  // The arrow belongs to the drag, also at the first or last column, where the page would scroll.
  event.preventDefault();
  const columns = [...droppableRects].sort(([, a], [, b]) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  const at = over
    ? columns.findIndex(([id]) => id === over.id)
    : columns.findIndex(([, rect]) => rect.left <= center && center < rect.left + rect.width);
  const target = at === -1 ? undefined : columns[at + step]?.[1];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: collisionRect.top };
};
