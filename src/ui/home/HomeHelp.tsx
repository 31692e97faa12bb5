import { useEffect, useState } from 'react';
import { ShortcutDialog } from '../help/ShortcutDialog';
import { HOME_PLACES } from '../help/ShortcutList';

/** Home's keys, opened with "?"; focus goes back where it was on close, so j/k go on from there. */
export function HomeHelp({ onClose }: { onClose: () => void }) {
  // Read while rendering: the dialog takes the focus in its own effect, which runs before this one's.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => before?.focus(), [before]);
  return <ShortcutDialog onClose={onClose} places={HOME_PLACES} className="fixed top-16 right-6 w-96 max-w-[calc(100vw-3rem)]" />;
}
