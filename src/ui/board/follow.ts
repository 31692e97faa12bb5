import { createContext, useContext, useLayoutEffect, type RefObject } from 'react';

/** A card that should have focus once it shows in `stageId`: the one just moved by keyboard. */
export interface Follow {
  id: string;
  stageId: string;
}

export const FollowFocus = createContext<RefObject<Follow | undefined>>({ current: undefined });

/**
 * Focuses the card when it shows in the column it was moved to. A moved card is a new element in
 * another column, rendered only once the write is done, so focus would otherwise fall to the page
 * and the next key press would go nowhere.
 */
export function useFollowFocus(node: RefObject<HTMLElement | null>, id: string, stageId: string): void {
  const follow = useContext(FollowFocus);
  useLayoutEffect(() => {
    if (follow.current?.id !== id || follow.current.stageId !== stageId) return;
    follow.current = undefined;
    node.current?.focus();
  });
}
