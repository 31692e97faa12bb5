import { useLiveQuery } from 'dexie-react-hooks';
import { createContext } from 'react';
import { db } from '../../storage/db';
import { getMeta } from '../../sync/client/state';

// Apart from ShareToggle.tsx, whose sharing writes the panel's first look does not need.

/**
 * This browser's device and team account, as every switch in a list needs them; the team role,
 * for which Delete buttons to offer (ui/sync/delete-refusal.ts); and this user's edits that lost
 * to a teammate's (ui/sync/LostEditLine.tsx).
 */
export interface ShareViewer {
  device: Awaited<ReturnType<typeof getMeta<'device'>>>;
  account: Awaited<ReturnType<typeof getMeta<'account'>>>;
  role: Awaited<ReturnType<typeof getMeta<'role'>>>;
  lostEdits: Awaited<ReturnType<typeof getMeta<'lostEdits'>>>;
}

/**
 * Read once for the whole panel (the app provides it in `ShareViewerContext`, which every switch
 * reads): a query per row, or per list, would open more database transactions and parse the
 * same meta rows again every time the panel shows a person.
 */
export function useShareViewer(): ShareViewer | undefined {
  return useLiveQuery(async () => ({
    device: await getMeta(db, 'device'),
    account: await getMeta(db, 'account'),
    role: await getMeta(db, 'role'),
    lostEdits: await getMeta(db, 'lostEdits'),
  }));
}

export const ShareViewerContext = createContext<ShareViewer | undefined>(undefined);
